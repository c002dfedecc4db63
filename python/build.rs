//! Calls from the module to `log`, `exp` and `pow` must reach its own definitions
//! (textlens-protocol's `math`, the code the wasm build uses), not the C library's that
//! the interpreter loaded first; on ELF a shared library's calls to its own global
//! functions can otherwise be bound to another library's. Without this flag, 44 of the
//! 1,500 Inspec dev documents got a key phrase score that differed from the command
//! line's (and Node's) in the last digit; with it, none.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux" || os == "freebsd") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-Bsymbolic-functions");
    }
}
