//! A result packed for the trip into JavaScript: every number in one `f64` array and
//! every string in one joined string, which `js/unpack.js` turns back into objects.
//!
//! Building the objects from Rust costs a call into JavaScript per field, and a JSON
//! string costs a serialisation and a parse; one array and one string cross in two
//! copies, a worker can transfer them as they are, and the objects are then built by
//! JavaScript code the engine compiles well.
//!
//! The packer is a serde [`Serializer`]: it writes the fields of the result types in
//! the order their `Serialize` derives give, so the field list lives in those types
//! alone (and, on the JavaScript side, in `js/unpack.js` and `js/textlens.d.ts`). The
//! layout is described in `js/unpack.js`, which reads it; the two change together.
//! In short: a header with where each top-level field (section) starts, then the
//! values (a number as itself; a string as its length in UTF-16 code units, its text
//! in `strings`; a list as its length, then its items; a struct as its fields in
//! order, flattened ones in place; an entity [`Label`](crate::Label), or an enum's unit
//! variant, as its index in the label table; an optional string as the string, or -1
//! for none), then the label table.

use crate::entities::LABEL_SERDE_NAME;
use serde::ser::{self, Impossible, Serialize};
use std::fmt;

/// A packed result: `numbers` and `strings` as `js/unpack.js` reads them.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Packed {
    pub numbers: Vec<f64>,
    pub strings: String,
    /// Length of `strings` in UTF-16 code units.
    units: usize,
    /// The label table: each label's (or unit variant's) name, in order of first
    /// appearance. Custom labels make it a list of owned names.
    labels: Vec<String>,
}

/// A value the packed format has no place for; the message names its kind.
#[derive(Debug)]
pub(crate) struct PackError(String);

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the result could not be packed: {}", self.0)
    }
}

impl std::error::Error for PackError {}

impl ser::Error for PackError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        PackError(message.to_string())
    }
}

/// Where the header's fields are in `numbers`.
const LABEL_TABLE_AT: usize = 0;
const SECTION_COUNT: usize = 1;
const SECTIONS_AT: usize = 2;

impl Packed {
    /// Packs `result`, a struct whose fields are the sections.
    pub fn new<T: Serialize>(result: &T) -> Result<Packed, PackError> {
        let mut packed = Packed::default();
        result.serialize(Root(&mut packed))?;
        packed.numbers[LABEL_TABLE_AT] = packed.numbers.len() as f64;
        packed.number(packed.labels.len() as f64);
        packed.number(packed.units as f64);
        for name in std::mem::take(&mut packed.labels) {
            packed.string(&name);
            packed.labels.push(name);
        }
        Ok(packed)
    }

    fn number(&mut self, n: f64) {
        self.numbers.push(n);
    }

    fn string(&mut self, s: &str) {
        let units = if s.is_ascii() { s.len() } else { s.encode_utf16().count() };
        self.number(units as f64);
        self.units += units;
        self.strings.push_str(s);
    }

    fn label(&mut self, name: &str) {
        let index = match self.labels.iter().position(|l| l == name) {
            Some(index) => index,
            None => {
                self.labels.push(name.to_owned());
                self.labels.len() - 1
            }
        };
        self.number(index as f64);
    }
}

/// Serialises the top-level struct: writes the header, then each field as a section.
struct Root<'p>(&'p mut Packed);

impl<'p> ser::SerializeStruct for Root<'p> {
    type Ok = ();
    type Error = PackError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, _key: &'static str, value: &T) -> Result<(), PackError> {
        let packed = &mut *self.0;
        let section = (packed.numbers[SECTION_COUNT] as usize) * 2 + SECTIONS_AT;
        packed.numbers[SECTION_COUNT] += 1.0;
        packed.numbers[section] = packed.numbers.len() as f64;
        packed.numbers[section + 1] = packed.units as f64;
        value.serialize(&mut *packed)
    }

    fn end(self) -> Result<(), PackError> {
        Ok(())
    }
}

/// Every serde method a value of a result does not use: an error naming the kind.
macro_rules! unsupported {
    ($($method:ident($($arg:ty),*) -> $ok:ty;)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<$ok, PackError> {
            Err(PackError(format!("{} is not part of the packed format", stringify!($method))))
        })*
    };
}

impl<'p> ser::Serializer for Root<'p> {
    type Ok = ();
    type Error = PackError;
    type SerializeSeq = Impossible<(), PackError>;
    type SerializeTuple = Impossible<(), PackError>;
    type SerializeTupleStruct = Impossible<(), PackError>;
    type SerializeTupleVariant = Impossible<(), PackError>;
    type SerializeMap = Impossible<(), PackError>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), PackError>;

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Self, PackError> {
        // The label table's place, the number of sections, and two numbers per section.
        self.0.numbers.resize(SECTIONS_AT + 2 * len, 0.0);
        Ok(self)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), PackError> {
        Err(PackError("a result is a struct, not an Option".into()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, _: &T) -> Result<(), PackError> {
        Err(PackError("a result is a struct with named fields".into()))
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Result<(), PackError> {
        Err(PackError("a result is a struct, not an enum".into()))
    }
    unsupported! {
        serialize_bool(bool) -> (); serialize_i8(i8) -> (); serialize_i16(i16) -> (); serialize_i32(i32) -> ();
        serialize_i64(i64) -> (); serialize_u8(u8) -> (); serialize_u16(u16) -> (); serialize_u32(u32) -> ();
        serialize_u64(u64) -> (); serialize_f32(f32) -> (); serialize_f64(f64) -> (); serialize_char(char) -> ();
        serialize_str(&str) -> (); serialize_bytes(&[u8]) -> (); serialize_none() -> (); serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> (); serialize_unit_variant(&'static str, u32, &'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq; serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
}

/// Serialises a value inside a section.
impl<'p> ser::Serializer for &'p mut Packed {
    type Ok = ();
    type Error = PackError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Impossible<(), PackError>;
    type SerializeTupleVariant = Impossible<(), PackError>;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), PackError>;

    // Counts, offsets and scores: counts and offsets stay far below 2^53, so an f64
    // holds them exactly.
    fn serialize_bool(self, v: bool) -> Result<(), PackError> {
        self.number(f64::from(u8::from(v)));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), PackError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), PackError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), PackError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), PackError> {
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Result<(), PackError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), PackError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), PackError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), PackError> {
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Result<(), PackError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), PackError> {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), PackError> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), PackError> {
        self.string(v);
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), PackError> {
        self.label(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, value: &T) -> Result<(), PackError> {
        if name == LABEL_SERDE_NAME {
            return value.serialize(LabelName(self));
        }
        value.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, PackError> {
        let len = len.ok_or_else(|| PackError("a list of unknown length".into()))?;
        self.number(len as f64);
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, PackError> {
        Ok(self)
    }
    // A struct with a flattened field arrives as a map; its keys are left out like a
    // struct's field names.
    fn serialize_map(self, _: Option<usize>) -> Result<Self, PackError> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, PackError> {
        Ok(self)
    }
    // An optional string: its length, or -1 for none, which no length is.
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), PackError> {
        value.serialize(self)
    }
    fn serialize_none(self) -> Result<(), PackError> {
        self.number(-1.0);
        Ok(())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Result<(), PackError> {
        Err(PackError("an enum variant with data".into()))
    }
    unsupported! {
        serialize_bytes(&[u8]) -> (); serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
}

/// Serialises a [`Label`](crate::Label)'s name into the label table.
struct LabelName<'p>(&'p mut Packed);

impl<'p> ser::Serializer for LabelName<'p> {
    type Ok = ();
    type Error = PackError;
    type SerializeSeq = Impossible<(), PackError>;
    type SerializeTuple = Impossible<(), PackError>;
    type SerializeTupleStruct = Impossible<(), PackError>;
    type SerializeTupleVariant = Impossible<(), PackError>;
    type SerializeMap = Impossible<(), PackError>;
    type SerializeStruct = Impossible<(), PackError>;
    type SerializeStructVariant = Impossible<(), PackError>;

    fn serialize_str(self, name: &str) -> Result<(), PackError> {
        self.0.label(name);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), PackError> {
        Err(PackError("a label is a name, not an Option".into()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, _: &T) -> Result<(), PackError> {
        Err(PackError("a label is a name".into()))
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Result<(), PackError> {
        Err(PackError("a label is a name".into()))
    }
    unsupported! {
        serialize_bool(bool) -> (); serialize_i8(i8) -> (); serialize_i16(i16) -> (); serialize_i32(i32) -> ();
        serialize_i64(i64) -> (); serialize_u8(u8) -> (); serialize_u16(u16) -> (); serialize_u32(u32) -> ();
        serialize_u64(u64) -> (); serialize_f32(f32) -> (); serialize_f64(f64) -> (); serialize_char(char) -> ();
        serialize_bytes(&[u8]) -> (); serialize_none() -> (); serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> (); serialize_unit_variant(&'static str, u32, &'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq; serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
}

impl ser::SerializeSeq for &mut Packed {
    type Ok = ();
    type Error = PackError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), PackError> {
        value.serialize(&mut **self)
    }

    fn end(self) -> Result<(), PackError> {
        Ok(())
    }
}

impl ser::SerializeTuple for &mut Packed {
    type Ok = ();
    type Error = PackError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), PackError> {
        value.serialize(&mut **self)
    }

    fn end(self) -> Result<(), PackError> {
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Packed {
    type Ok = ();
    type Error = PackError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, _key: &'static str, value: &T) -> Result<(), PackError> {
        value.serialize(&mut **self)
    }

    fn end(self) -> Result<(), PackError> {
        Ok(())
    }
}

impl ser::SerializeMap for &mut Packed {
    type Ok = ();
    type Error = PackError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, _key: &T) -> Result<(), PackError> {
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), PackError> {
        value.serialize(&mut **self)
    }

    fn end(self) -> Result<(), PackError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};
    use serde::Serialize;

    #[derive(Serialize)]
    struct Place {
        start: usize,
        end: usize,
    }

    #[derive(Serialize)]
    enum Kind {
        Red,
        Blue,
    }

    #[derive(Serialize)]
    struct Item {
        name: String,
        kind: Kind,
        #[serde(flatten)]
        place: Place,
        spans: Vec<Place>,
    }

    #[derive(Serialize)]
    struct Both {
        count: u64,
        items: Vec<Item>,
    }

    #[test]
    fn the_layout_of_a_small_result() {
        let item = |name: &str, kind, start| Item { name: name.into(), kind, place: Place { start, end: start + 1 }, spans: vec![Place { start: 0, end: 2 }] };
        let both = Both { count: 7, items: vec![item("é😀", Kind::Blue, 3), item("ab", Kind::Red, 5), item("", Kind::Blue, 9)] };
        let packed = Packed::new(&both).unwrap();
        #[rustfmt::skip]
        let expected = [
            // Label table at 29; 2 sections: numbers from 6 and strings from 0, numbers from 7 and strings from 0.
            29.0, 2.0, 6.0, 0.0, 7.0, 0.0,
            7.0,
            3.0,
            // "é😀" (3 UTF-16 code units), Blue (label 0), 3..4, one span 0..2.
            3.0, 0.0, 3.0, 4.0, 1.0, 0.0, 2.0,
            2.0, 1.0, 5.0, 6.0, 1.0, 0.0, 2.0,
            0.0, 0.0, 9.0, 10.0, 1.0, 0.0, 2.0,
            // Two labels, whose names start at string offset 5: "Blue", "Red".
            2.0, 5.0, 4.0, 3.0,
        ];
        assert_eq!(packed.numbers, expected);
        assert_eq!(packed.strings, "é😀abBlueRed");
    }

    #[test]
    fn labels_built_in_and_custom_share_the_label_table() {
        #[derive(Serialize)]
        struct Labels {
            labels: Vec<crate::Label>,
        }
        let product = crate::Label::parse("PRODUCT").unwrap();
        let packed = Packed::new(&Labels { labels: vec![crate::Label::Org, product, crate::Label::Org, product] }).unwrap();
        assert_eq!(packed.labels, ["ORG", "PRODUCT"]);
        assert_eq!(packed.numbers[SECTIONS_AT + 2..SECTIONS_AT + 7], [4.0, 0.0, 1.0, 0.0, 1.0]);
        assert_eq!(packed.strings, "ORGPRODUCT");
    }

    #[test]
    fn what_the_format_cannot_hold_is_an_error_not_a_panic() {
        #[derive(Serialize)]
        struct Unit {
            value: (),
        }
        let error = Packed::new(&Unit { value: () }).unwrap_err().to_string();
        assert!(error.contains("serialize_unit"), "{error}");
        assert!(Packed::new(&vec![1, 2]).is_err(), "a result must be a struct of sections");
    }

    #[test]
    fn an_optional_string_is_the_string_or_minus_one() {
        #[derive(Serialize)]
        struct Maybe {
            some: Option<&'static str>,
            none: Option<&'static str>,
        }
        let packed = Packed::new(&Maybe { some: Some("de"), none: None }).unwrap();
        assert_eq!(packed.numbers[SECTIONS_AT + 4..SECTIONS_AT + 6], [2.0, -1.0]);
        assert_eq!(packed.strings, "de");
    }

    #[test]
    fn an_analysis_packs_into_eight_sections_with_its_labels_last() {
        let text = "Angela Merkel visited Paris on 4 March 2024. She met Emmanuel Macron — «très bien» 😀 at the Élysée.\n\n\
                    Siemens paid $1.2bn, e-mail anna@example.com. Merkel left Paris on Monday.";
        let analysis = analyze(text, &Options::default()).unwrap().into_utf16(text);
        let packed = Packed::new(&analysis).unwrap();
        let n = &packed.numbers;
        assert_eq!(n[SECTION_COUNT], 8.0);
        let starts: Vec<f64> = (0..8).map(|i| n[SECTIONS_AT + 2 * i]).collect();
        assert_eq!(starts[0], (SECTIONS_AT + 16) as f64, "stats follow the header");
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "sections are in order: {starts:?}");
        // The entities section is its length, then per entity: text, label, start, end,
        // group, confidence.
        let entities = n[SECTIONS_AT + 2 * 4] as usize;
        assert_eq!(n[entities] as usize, analysis.entities.len());
        let table = n[LABEL_TABLE_AT] as usize;
        let labels: Vec<f64> = (0..analysis.entities.len()).map(|i| n[entities + 1 + 6 * i + 1]).collect();
        assert!(labels.iter().all(|&l| l < n[table]), "every label index is in the table");
        let names = &packed.strings[packed.strings.len() - packed.labels.iter().map(String::len).sum::<usize>()..];
        assert_eq!(names, packed.labels.concat());
        assert_eq!(n[table + 1] as usize, packed.units - names.len());
        for (i, (entity, &label)) in analysis.entities.iter().zip(&labels).enumerate() {
            assert_eq!(packed.labels[label as usize], entity.label.name());
            assert_eq!(n[entities + 1 + 6 * i + 5], entity.confidence);
        }
    }
}
