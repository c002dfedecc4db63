//! Prints the entity groups of a file, or of standard input when no file is given:
//! `cargo run --example entities_of [FILE]`.
use std::io::Read;

fn main() {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path).expect("readable UTF-8 file"),
        None => {
            std::io::stdin().read_to_string(&mut text).expect("UTF-8 on standard input");
        }
    }
    let doc = textlens::Document::new(&text);
    let found = textlens::entities::extract(&doc);
    for group in &found.entity_groups {
        let mentions: Vec<&str> = group.mentions.iter().map(|m| m.slice(&text)).collect();
        println!("{:?} {:?} x{} {:?}", group.label, group.text, group.count, mentions);
    }
}
