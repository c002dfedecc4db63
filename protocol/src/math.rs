//! Natively, `f64::ln`, `f64::exp` and `f64::powf` call the C library, whose results
//! differ from those of the WebAssembly build in the last bit now and then: Rust's
//! wasm32 target takes them from its own port of musl's code, the `libm` crate. The
//! core computes key phrase and sentence scores with them, so one score in a few
//! thousand printed differently from Node's in its 16th digit (Inspec dev, line 35).
//! Defining the C symbols here makes every native program that links this crate (the
//! command line, the Python module, their tests) use the very code the wasm uses.
//! The Python module also binds these symbols to itself (see `python/build.rs`), since
//! the interpreter has loaded the C library's first.

/// `log` of the C library, as wasm32 computes it.
#[no_mangle]
pub extern "C" fn log(x: f64) -> f64 {
    libm::log(x)
}

/// `exp` of the C library, as wasm32 computes it.
#[no_mangle]
pub extern "C" fn exp(x: f64) -> f64 {
    libm::exp(x)
}

/// `pow` of the C library, as wasm32 computes it.
#[no_mangle]
pub extern "C" fn pow(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

#[cfg(test)]
mod tests {
    #[test]
    fn rust_float_functions_call_these() {
        // The C library disagrees with libm on about one input in ten of each range
        // (glibc 2.36: log 97,859, exp 195,471, pow 232,422 of 2 million), so each
        // check fails at once if the functions above are not the ones called.
        for i in 1..200_000u32 {
            let x = std::hint::black_box(1.0 + f64::from(i) * 1e-5);
            let y = std::hint::black_box(f64::from(i) * -1e-5);
            assert_eq!(
                x.ln().to_bits(),
                libm::log(x).to_bits(),
                "help: f64::ln({x}) does not call this crate's `log`"
            );
            assert_eq!(
                y.exp().to_bits(),
                libm::exp(y).to_bits(),
                "help: f64::exp({y}) does not call this crate's `exp`"
            );
            assert_eq!(
                x.powf(0.37).to_bits(),
                libm::pow(x, 0.37).to_bits(),
                "help: f64::powf({x}, 0.37) does not call `pow`"
            );
        }
    }
}
