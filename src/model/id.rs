//! Record ids. Every record gets a random v4 UUID when created, so records made on two
//! laptops can later be merged by id without clashing.

pub type Id = uuid::Uuid;

pub fn new_id() -> Id {
    uuid::Uuid::new_v4()
}
