//! The one error type of the crate.

use std::fmt;

/// Everything that can go wrong in an analysis. Each message names what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// An option has a value it does not allow: out of its range, or not a number.
    InvalidOption {
        /// The option's name as JavaScript spells it (camelCase).
        option: &'static str,
        /// What values are allowed.
        allowed: String,
        /// The value that was given.
        got: String,
    },
    /// The options could not be read: not an object, or an unknown option.
    BadOptions(String),
    /// The text is longer than the configured `maxLength`.
    TooLong {
        /// Length of the text in UTF-16 code units.
        length: usize,
        /// The limit in force.
        limit: usize,
    },
    /// The entity lists (`entityLists`) cannot be used: the message names the list
    /// (its label, or `exclude`) and the entry's index ("PRODUCT[3]: the phrase is
    /// empty"), or what else is wrong with them.
    InvalidEntityLists(String),
    /// The entity model built into the library cannot be decoded: a broken build, not
    /// a problem of the input. The message says what is wrong with the model file.
    InvalidModel(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidOption { option, allowed, got } => {
                write!(f, "invalid option `{option}`: must be {allowed}, got {got}")
            }
            Error::BadOptions(message) => write!(f, "invalid options: {message}"),
            Error::TooLong { length, limit } => write!(
                f,
                "text is too long: {length} characters (UTF-16 code units) is over the limit `maxLength` = {limit}"
            ),
            Error::InvalidEntityLists(message) => write!(f, "invalid option `entityLists`: {message}"),
            Error::InvalidModel(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

/// Result with the crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
