//! Native cost of the caller's entity lists, next to `make bench`'s wasm figures:
//! `cargo run --release --example bench_lists -- --text PATH --lists PATH [--lists PATH ...]`.
//! For each lists file (a JSON object as `entityLists` takes it): the time and memory
//! of reading and preparing it, and of building its English matcher on the first
//! text; then analyze() of the text with and without the prepared lists, taking turns,
//! medians of 7. Prints one JSON line. Memory is what the lists hold once prepared, and
//! the peak while preparing them, counted by a global allocator that tracks live bytes.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use textlens::entities::{EntityLists, Limits};
use textlens::{analyze, Options};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| args.windows(2).filter(|w| w[0] == flag).map(|w| w[1].clone()).collect::<Vec<_>>();
    let text = std::fs::read_to_string(value("--text").first().expect("--text PATH")).expect("UTF-8 text");
    let plain = Options::default();
    analyze(&text, &plain).unwrap();
    let mut rows = Vec::new();
    for path in value("--lists") {
        let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("lists file")).expect("JSON lists");
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let t0 = Instant::now();
        let lists = EntityLists::read(&json, Limits::default()).unwrap();
        let prepare = ms(t0);
        let prepared_bytes = LIVE.load(Ordering::Relaxed) - before;
        let options = Options { entity_lists: Some(lists), ..Options::default() };
        // The first English text builds the English matcher.
        let t1 = Instant::now();
        analyze("An English sentence, so that the matcher is built.", &options).unwrap();
        let matcher = ms(t1);
        let with_matcher_bytes = LIVE.load(Ordering::Relaxed) - before;
        let peak_bytes = PEAK.load(Ordering::Relaxed) - before;
        let (mut with, mut without) = (Vec::new(), Vec::new());
        for _ in 0..7 {
            let t = Instant::now();
            analyze(&text, &plain).unwrap();
            without.push(ms(t));
            let t = Instant::now();
            analyze(&text, &options).unwrap();
            with.push(ms(t));
        }
        let entries = options.entity_lists.as_ref().map_or(0, EntityLists::entries);
        let (with, without) = (median(with), median(without));
        rows.push(format!(
            "{{\"entries\":{entries},\"prepareMs\":{prepare:.2},\"matcherMs\":{matcher:.2},\"preparedBytes\":{prepared_bytes},\
             \"withMatcherBytes\":{with_matcher_bytes},\"peakBytes\":{peak_bytes},\"analyzeMs\":{without:.2},\"analyzeWithListsMs\":{with:.2},\"added\":{:.4}}}",
            with / without - 1.0
        ));
    }
    println!("{{\"textBytes\":{},\"lists\":[{}],\"peakBytes\":{}}}", text.len(), rows.join(","), PEAK.load(Ordering::Relaxed));
}
