//! Prints the entities and groups of a text file.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "seeds/000_50d3d3b30f27bb10.txt".into());
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let found = textlens::entities::extract(&textlens::Document::new(&text));
    for e in &found.entities {
        println!("{:?}\t{}\t{}", e.label, e.text, e.group);
    }
    println!("--- groups");
    for g in &found.entity_groups {
        println!("{:?}\t{}\t{}", g.label, g.text, g.count);
    }
}
