//! Python objects to the protocol's values: options become what a JSON line would carry,
//! so they go through the very mapping the command line uses.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use textlens_protocol::json::MAX_DEPTH;
use textlens_protocol::{JsObject, JsString, Value};

/// The text of a Python `str`. A lone surrogate (which UTF-8 cannot hold) becomes one
/// U+FFFD, so code-point offsets still index the caller's string.
pub fn text(value: &Bound<'_, PyAny>) -> PyResult<String> {
    let string = value.cast::<PyString>().map_err(|_| {
        let kind = value
            .get_type()
            .name()
            .map_or_else(|_| "?".to_string(), |n| n.to_string());
        PyTypeError::new_err(format!("text must be a str, got {kind}"))
    })?;
    if let Ok(text) = string.to_cow() {
        return Ok(text.into_owned());
    }
    let encoded = string.call_method1("encode", ("utf-16-le", "surrogatepass"))?;
    let bytes = encoded.cast::<PyBytes>()?.as_bytes();
    let units = bytes
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]));
    Ok(char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect())
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string())
}

/// A Python value as the JSON value that would carry it: None, bool, int, float, str,
/// dict with str keys, list and tuple (and numbers such as NumPy's that convert to float).
pub fn value(object: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
    if depth >= MAX_DEPTH {
        return Err(PyValueError::new_err(format!(
            "an option's value is nested more than {MAX_DEPTH} deep"
        )));
    }
    if object.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = object.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if object.is_instance_of::<PyInt>() {
        // An int too large for a double is infinite, as a JSON number of its size would be.
        return Ok(Value::Number(object.extract::<f64>().unwrap_or_else(
            |_| {
                if object.gt(0).unwrap_or(false) {
                    f64::INFINITY
                } else {
                    f64::NEG_INFINITY
                }
            },
        )));
    }
    if let Ok(f) = object.cast::<PyFloat>() {
        return Ok(Value::Number(f.value()));
    }
    if object.is_instance_of::<PyString>() {
        return Ok(Value::String(JsString::from(text(object)?)));
    }
    if let Ok(dict) = object.cast::<PyDict>() {
        return Ok(Value::Object(object_of(dict, depth)?));
    }
    if object.is_instance_of::<PyList>() || object.is_instance_of::<PyTuple>() {
        let items: PyResult<Vec<Value>> = object
            .try_iter()?
            .map(|item| value(&item?, depth + 1))
            .collect();
        return Ok(Value::Array(items?));
    }
    if object.hasattr("__float__")? {
        return Ok(Value::Number(object.extract::<f64>()?));
    }
    Err(PyTypeError::new_err(format!(
        "an option's value cannot be a {}",
        type_name(object)
    )))
}

/// A dict with str keys as a JSON object.
pub fn object_of(dict: &Bound<'_, PyDict>, depth: usize) -> PyResult<JsObject> {
    let mut object = JsObject::new();
    for (key, item) in dict.iter() {
        if !key.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(format!(
                "option names must be str, got {}",
                type_name(&key)
            )));
        }
        object.insert(JsString::from(text(&key)?), value(&item, depth + 1)?);
    }
    Ok(object)
}
