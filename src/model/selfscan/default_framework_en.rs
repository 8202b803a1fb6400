//! The English of the course's own framework, "Adviseur Stadsbeheer", by item id.
//!
//! Kept beside the framework rather than in it: the framework is stored in every
//! participant's document, and every scan keeps the version it was made with, so the
//! shipped data must not change. [`super::display`] shows these texts in English only
//! while the stored Dutch is still the shipped Dutch; an edited text is the course's own.
//!
//! "Vraagstuk" is "issue" here: the framework speaks of problems at work in general,
//! where the case journal's "casus" is one such issue written up.

pub(super) const NAME: &str = "Advisor, City Management";

pub(super) const DESCRIPTION: &str = "The competencies City Management asks of its \
    subject-matter advisors, drawn from the development goals of the City Management course.";

/// (label, description) per level, in level order.
pub(super) const LEVELS: [(&str, &str); 4] = [
    (
        "Beginning",
        "You know this behaviour mainly from the course; at work you rarely show it yet, and then with help.",
    ),
    (
        "Developing",
        "You sometimes show this behaviour, mainly in familiar situations or when someone points it out to you.",
    ),
    (
        "Proficient",
        "You show this behaviour independently and consistently, even when the situation is difficult or new.",
    ),
    (
        "Role model",
        "This behaviour comes naturally to you; colleagues learn it from you and ask you for it.",
    ),
];

/// (id, name, description).
pub(super) const AREAS: [(&str, &str, &str); 3] = [
    (
        "netwerken",
        "Working in the web of networks",
        "Reading and using the web of networks you work in, and connecting parties through stories.",
    ),
    (
        "adviseren",
        "Advising and agenda-setting",
        "Advising as a subject-matter expert, putting issues on the agenda with a focus on solutions, and working together in dialogue.",
    ),
    (
        "ontwikkelen",
        "Impact and development",
        "Increasing the impact of your own actions and steering your own development, in practice and together with others.",
    ),
];

/// (id, name, description).
pub(super) const COMPETENCIES: [(&str, &str, &str); 9] = [
    (
        "netwerk-lezen",
        "Reading the network",
        "You map the web of networks around an issue: who is involved, what matters to them and how they relate to one another.",
    ),
    (
        "netwerk-benutten",
        "Using the network",
        "You deliberately draw on relationships to move an issue forward, and maintain them even when there is nothing to gain.",
    ),
    (
        "verhalend-verbinden",
        "Connecting through stories",
        "You connect people and parties by telling an issue as a story in which everyone recognises themselves.",
    ),
    (
        "vakinhoudelijk-adviseren",
        "Advising as a subject-matter expert",
        "You turn professional knowledge into advice that fits your client's question and the goals of the department and the municipality.",
    ),
    (
        "oplossingsgericht-agenderen",
        "Solution-focused agenda-setting",
        "You put issues and problems on the agenda in time and at the right table, with a workable route to a solution.",
    ),
    (
        "samenwerken-dialoog",
        "Collaboration and dialogue",
        "You work with colleagues, clients and partners and engage in dialogue, because that is how professionals learn most.",
    ),
    (
        "effect-eigen-handelen",
        "Impact of one's own actions",
        "You look at what your actions bring about in others and adjust to have more impact.",
    ),
    (
        "reflecteren-ontwikkeling",
        "Reflecting on one's own development",
        "You regularly take a close look at your personal development, together with your manager and coach.",
    ),
    (
        "werkend-leren",
        "Learning in practice",
        "You combine theory and practice by working on current, concrete issues during the course.",
    ),
];

/// (id, name, one text per level).
pub(super) const INDICATORS: [(&str, &str, [&str; 4]); 26] = [
    // Reading the network
    ("netwerk-lezen-betrokkenen", "Maps the people and parties involved in an issue", [
        "Names only the obvious parties within their own department; others only come into view when they come forward themselves.",
        "Lists those involved inside and outside the municipality for a new issue, but misses parties affected indirectly, such as residents, businesses or other departments.",
        "Systematically maps those involved in every new issue (City Management, other departments, elected officials, residents, market parties) and keeps that overview up to date as the issue changes.",
        "Sees early which parties are still out of view and points colleagues to them; is asked to help map the network for other people's issues.",
    ]),
    ("netwerk-lezen-belangen", "Names the interests, influence and attitude of parties", [
        "Starts from their own professional view and only notices afterwards that a party had other interests.",
        "Can say what the main parties want, but judges their influence and attitude mostly by feel.",
        "Names each party's interest, influence and attitude (for, against, wait-and-see) and backs this up with what that party itself says or does.",
        "Sees shifts in interests and relationships coming, discusses them in good time with the client and colleagues, and adapts the approach accordingly.",
    ]),
    ("netwerk-lezen-verbanden", "Recognises connections, tensions and key figures between parties", [
        "Sees parties in isolation; who works with or clashes with whom goes unnoticed.",
        "Recognises known partnerships and conflicts when others mention them.",
        "Points out unprompted who connects parties and where the tensions or blind spots between groups lie.",
        "Uses this view of connections to show colleagues why an issue is stuck and who can get it moving.",
    ]),
    // Using the network
    ("netwerk-benutten-inschakelen", "Involves the right people at the right time", [
        "Handles an issue alone or within their own team; others are only brought in when it gets stuck.",
        "Knows who is needed, but approaches that person late or only through formal channels, even when a shortcut would work better.",
        "Approaches the people who hold information, support or decision-making authority in good time, and chooses deliberately between the formal and the informal route.",
        "Gets a stuck issue moving again with a few well-aimed contacts; colleagues ask them for introductions to others.",
    ]),
    ("netwerk-benutten-onderhouden", "Maintains relationships, also beyond current issues", [
        "Only contacts parties when there is a specific request.",
        "Keeps in touch with a fixed circle of acquaintances; new contacts fade once a project ends.",
        "Invests deliberately in relationships that matter for the field: reports back, shares information and keeps agreements, even without an immediate interest.",
        "Has a broad, reciprocal network inside and outside the municipality that colleagues use too; introduces others to the right people.",
    ]),
    ("netwerk-benutten-inbreng", "Gathers input from the network and acts on it", [
        "Rarely asks about the knowledge or experience of parties outside the municipality.",
        "Asks for input when a procedure requires it, such as a public consultation.",
        "Seeks out the knowledge and experience of residents, field staff and partners unprompted, and lets them know what was done with it.",
        "Makes input from the network a standard part of the department's advice and way of working.",
    ]),
    // Connecting through stories
    ("verbinden-verhaal", "Tells an issue as a recognisable story", [
        "Presents an issue as facts, figures and rules; listeners have to work out for themselves what it means.",
        "Occasionally uses an example from practice, but the story does not yet connect with what concerns the listeners.",
        "Uses a concrete example (a street, a resident, an incident) to make clear why the issue matters, tailored to who is listening.",
        "Tells stories that stick and are retold by others; helps colleagues find their own story.",
    ]),
    ("verbinden-perspectieven", "Connects the perspectives of different parties", [
        "Speaks from their own field; other perspectives are not addressed.",
        "Mentions the positions of other parties, but side by side, without connecting them.",
        "Shows what parties have in common and where they need each other, so that everyone recognises themselves in the story.",
        "Brings parties with opposing interests together around a shared story, so that they take a next step together.",
    ]),
    ("verbinden-samenbrengen", "Puts people and parties in touch with each other", [
        "Keeps contacts to themselves; parties only communicate with each other through them.",
        "Puts parties in touch with each other when they ask for it.",
        "Sees who needs whom, brings them together unprompted and makes sure the first meeting goes well.",
        "Makes connections between parties that keep working without their involvement.",
    ]),
    // Advising as a subject-matter expert
    ("adviseren-vraag", "Clarifies the question behind the question", [
        "Gets straight to work on the question as it was asked.",
        "Asks clarifying questions about the assignment, but mostly about planning and format.",
        "Works out with the client which problem really needs solving and records it before giving advice.",
        "Helps clients sharpen their question, even if this changes the assignment; is brought into projects early for this.",
    ]),
    ("adviseren-onderbouwing", "Gives well-founded advice with clear choices", [
        "Gives a lot of technical information without a clear conclusion or recommendation.",
        "Gives well-founded advice, but without alternatives or the consequences of each choice.",
        "Presents clear options with pros and cons, risks and costs, and makes their own recommendation.",
        "Advises when asked and unasked, including on issues beyond their own department; colleagues use their advice as an example.",
    ]),
    ("adviseren-doelen", "Links the advice to the goals of the client, the department and the municipality", [
        "Advises from their own professional standard, regardless of the client's goals.",
        "Mentions the client's goals, but does not weigh those of the department and the municipality.",
        "Shows how the advice contributes to the goals of the client and of City Management and the municipality, and names where they clash.",
        "Actively raises the goals of the department and the municipality with clients and helps them make choices that serve both.",
    ]),
    // Solution-focused agenda-setting
    ("agenderen-signaleren", "Spots issues early", [
        "Only notices problems when there are complaints or incidents.",
        "Sees problems coming, but only reports them once they become urgent.",
        "Spots issues early and opens them up for discussion before they escalate.",
        "Identifies trends and risks for the whole department and is asked to help decide what goes on the agenda.",
    ]),
    ("agenderen-tafel", "Chooses the right table, the right moment and the right form", [
        "Raises an issue wherever it happens to come up.",
        "Knows which meeting or person decides, but does not fit in with the rhythm of planning and decision-making.",
        "Raises an issue with whoever decides on it, at a moment and in a form (memo, conversation, proposal) that suits the decision-making.",
        "Makes sure recurring issues get a permanent place in the department's meetings and plans.",
    ]),
    ("agenderen-oplossingsrichting", "Turns a problem into a workable direction for a solution", [
        "Mainly names what is wrong and who is causing it.",
        "Mentions a possible solution alongside the problem, but without a first step or the resources needed.",
        "Frames the problem as a shared goal, with a feasible first step, next steps and who takes them.",
        "Turns a deadlocked discussion into a joint task for which the parties themselves put forward solutions.",
    ]),
    // Collaboration and dialogue
    ("dialoog-doorvragen", "Listens and asks follow-up questions before taking a position", [
        "Responds quickly with their own position; questions are mainly meant to get confirmation.",
        "Listens carefully when there is time, but under pressure starts defending their own proposal.",
        "Summarises what the other person says, asks about underlying concerns and shows what is done with them.",
        "Makes room for real dialogue even in tense meetings; others adopt this way of working.",
    ]),
    ("samenwerken-kennis-delen", "Shares knowledge and tackles issues together with colleagues", [
        "Works out issues largely alone; knowledge stays with them.",
        "Shares knowledge when asked and helps colleagues with specific questions.",
        "Seeks out colleagues unprompted to think along, shares experiences and work, and tackles issues together.",
        "Takes the initiative for collaboration and peer consultation between advisors and makes sure what has been learned remains available to the department.",
    ]),
    ("samenwerken-feedback", "Asks for and gives feedback", [
        "Rarely asks for feedback and responds to feedback mainly with explanations or defence.",
        "Asks for feedback at the end of a project and accepts it.",
        "Asks clients and colleagues for targeted feedback during the work and gives concrete, respectful feedback themselves.",
        "Makes asking for and giving feedback a habit in the team; even difficult feedback can be raised with them.",
    ]),
    // Impact of one's own actions
    ("effect-nagaan", "Checks what effect their own actions have", [
        "Assumes advice has landed as soon as it has been sent.",
        "Sometimes asks afterwards how advice or a meeting was received.",
        "Checks with the client and those involved what happened to the advice and what it achieved in practice.",
        "Makes the impact of their own work visible to the department, with concrete results and lessons.",
    ]),
    ("effect-bijsturen", "Adjusts their approach based on what works", [
        "Uses the same approach in every situation.",
        "Adapts the approach after a clear setback or when others point it out.",
        "Deliberately chooses an approach for each situation (persuading, connecting, negotiating) and switches if it does not work.",
        "Tries out new ways of working, evaluates them and shares with colleagues what works.",
    ]),
    ("effect-eigen-positie", "Knows their own position and influence in the network", [
        "Has little idea of how others see them as an advisor.",
        "Can name their own role in a project, but does not see how that position affects others.",
        "Names their own position, influence and pitfalls in the network and takes them into account in their approach.",
        "Deliberately uses their own position, or steps back, depending on what the issue needs.",
    ]),
    // Reflecting on one's own development
    ("reflecteren-ervaringen", "Reflects on concrete experiences", [
        "Describes what happened without considering their own role.",
        "Names what went well and less well after an experience, but draws no conclusions for next time.",
        "Reflects on their own role using a set structure (such as STARR) and records concrete intentions.",
        "Recognises patterns in their own reflections over time and helps others reflect.",
    ]),
    ("reflecteren-gesprek", "Discusses their own development with their manager and coach", [
        "Only discusses their own development when someone else schedules the conversation.",
        "Takes part in development conversations, but comes without their own questions or examples.",
        "Prepares development conversations with examples from practice, their own questions and a self-scan, and makes concrete agreements.",
        "Steers their own development, uses their manager and coach as sparring partners and asks for their critical view.",
    ]),
    ("reflecteren-ontwikkeldoelen", "Sets development goals and works on them", [
        "Has no concrete development goals, at most general intentions.",
        "Formulates development goals, but without actions or a timeframe; in the busyness of work they drop out of sight.",
        "Works on concrete development goals linked to competencies, with actions and dates, and tracks progress.",
        "Adjusts goals based on feedback and results and shows how their own development contributes to the team's.",
    ]),
    // Learning in practice
    ("werkend-leren-vraagstuk", "Uses a current issue as a learning opportunity", [
        "Keeps the course and work separate; insights from the course stay in the course.",
        "Brings in an issue from work when asked to.",
        "Chooses a current issue, tries out ideas from the course on it and discusses the result.",
        "Turns the team's ongoing issues into learning opportunities for several colleagues.",
    ]),
    ("werkend-leren-theorie", "Connects theory and practice", [
        "Can name concepts from the course, but cannot apply them to their own work.",
        "Recognises a concept or model from the course in a situation afterwards.",
        "Deliberately uses models from the course (such as a network map or a reflection model) to prepare and evaluate their own work.",
        "Adapts models to City Management's practice and explains to colleagues when each model helps.",
    ]),
];
