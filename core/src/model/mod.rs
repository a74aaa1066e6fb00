//! The data the product works on: the [`Agreement`] (targets, hours, exclusions, credits) and
//! the [`Incident`]s it is measured against, plus the small value types they are made of.

mod agreement;
mod file;
mod incident;
mod read;
mod revision;
mod span;
mod time_of_day;
mod validate;

pub use agreement::*;
pub use file::*;
pub use incident::*;
pub use revision::*;
pub use span::*;
pub use time_of_day::*;
pub use validate::*;
