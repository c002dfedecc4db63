//! `textlens` for Python: the JSON Lines protocol's answers as plain dicts, with offsets
//! in code points (Python string indices). Options and fields are the protocol's,
//! mapped by the same code as the native command line (textlens-protocol).

mod batch;
mod values;

use batch::Outcome;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use textlens_protocol::{Defaults, JsObject, Settings, Value};

/// Settings of protocol options given as a dict (None: the defaults).
fn settings_of(options: Option<&Bound<'_, PyDict>>) -> PyResult<Settings> {
    let object = match options {
        Some(dict) => values::object_of(dict, 0)?,
        None => JsObject::new(),
    };
    Settings::new(&Defaults::default(), Some(&Value::Object(object))).map_err(PyValueError::new_err)
}

fn to_python(py: Python<'_>, outcome: Outcome) -> PyResult<Bound<'_, PyAny>> {
    match outcome {
        Ok(body) => Ok(pythonize::pythonize(py, &body)?),
        Err(message) => {
            let error = PyDict::new(py);
            error.set_item("error", message)?;
            Ok(error.into_any())
        }
    }
}

fn thread_count(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => Ok(n),
    }
}

fn analyze_one<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    settings: &Settings,
) -> PyResult<Bound<'py, PyAny>> {
    let text = values::text(text)?;
    let outcome = py.detach(|| batch::one(&text, settings));
    match outcome {
        Ok(body) => Ok(pythonize::pythonize(py, &body)?),
        Err(message) => Err(PyValueError::new_err(message)),
    }
}

/// Answers for every text of `texts`, analysed without the GIL on `threads` threads.
/// A text that is not a str, or that fails, gets `{"error": message}` in its place.
fn analyze_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    settings: &Settings,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let threads = thread_count(threads)?;
    let mut read = Vec::new();
    for item in texts.try_iter()? {
        read.push(values::text(&item?).map_err(|error| error.value(py).to_string()));
    }
    let answers = PyList::empty(py);
    batch::many(py, &read, settings, threads, |outcome| {
        answers.append(to_python(py, outcome)?)
    })?;
    Ok(answers)
}

/// Analyses one text. Options are the protocol's, as keywords: `keywords=5`,
/// `summary_sentences=2` (or `summarySentences`), `entities=False`, … Returns a dict
/// with the protocol's fields; offsets are code points. Raises ValueError for a bad
/// option or a text over `max_length`.
#[pyfunction]
#[pyo3(signature = (text, **options))]
fn analyze<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    analyze_one(py, text, &settings_of(options)?)
}

/// Analyses many texts on `threads` threads (default: every core) without holding the
/// GIL. Returns one dict per text, in order; a text that fails gets `{"error": ...}`.
#[pyfunction]
#[pyo3(signature = (texts, threads = None, **options))]
fn analyze_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<usize>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    analyze_many(py, texts, &settings_of(options)?, threads)
}

/// An analyzer with fixed options, checked once. It pickles as its options (a plain
/// dict), so it travels to Spark executors and worker processes.
#[pyclass(module = "textlens", frozen)]
struct Analyzer {
    options: Py<PyDict>,
    settings: Settings,
}

#[pymethods]
impl Analyzer {
    #[new]
    #[pyo3(signature = (options = None, **more))]
    fn new(
        py: Python<'_>,
        options: Option<&Bound<'_, PyDict>>,
        more: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let merged = PyDict::new(py);
        for dict in [options, more].into_iter().flatten() {
            merged.update(dict.as_mapping())?;
        }
        let settings = settings_of(Some(&merged))?;
        Ok(Analyzer {
            options: merged.unbind(),
            settings,
        })
    }

    /// The options, as given (a copy).
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.options.bind(py).copy()
    }

    /// Analyses one text; see `textlens.analyze`.
    fn analyze<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        analyze_one(py, text, &self.settings)
    }

    /// Analyses many texts; see `textlens.analyze_batch`.
    #[pyo3(signature = (texts, threads = None))]
    fn analyze_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        analyze_many(py, texts, &self.settings, threads)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let options = slf.get().options.bind(py).copy()?;
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                PyTuple::new(py, [options])?.into_any(),
            ],
        )
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("Analyzer({})", self.options.bind(py).repr()?))
    }
}

#[pymodule]
fn _textlens(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(analyze, module)?)?;
    module.add_function(wrap_pyfunction!(analyze_batch, module)?)?;
    module.add_class::<Analyzer>()?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
