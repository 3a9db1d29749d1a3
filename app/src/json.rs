//! Reading JSON into the app's types with less code to download.
//!
//! Read straight from the text, every type would carry its own copy of serde_json's parser
//! (whitespace, strings, numbers). Parsed once into a [`Value`], the parser is compiled
//! once, and each type only walks the tree. serde_json's own walk of a `Value` also reads
//! every struct from a JSON array (serde's compact form), a second reader per type that the
//! app never needs: [`Tree`] reads structs from objects only. The app's payloads are small,
//! so the tree costs nothing a person notices.

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use serde_json::{Error, Map, Value};

/// Reads `text` as JSON into `T`.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let value: Value = serde_json::from_str(text)?;
    T::deserialize(Tree(value))
}

/// Readers that take one shape of JSON value and refuse the others; `$visitor` names the
/// visitor in `$read`.
macro_rules! one_shape {
    ($visitor:ident, $shape:pat => $read:expr; $($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, $visitor: V) -> Result<V::Value, Error> {
            match self.0 {
                $shape => $read,
                other => Err(refused(&other, &$visitor)),
            }
        }
    )*};
}

/// The numbers' readers of a key: the key's text read as a number.
macro_rules! key_number {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.0.parse::<serde_json::Number>() {
                Ok(number) => number.deserialize_any(visitor),
                Err(_) => Err(refused(&Value::String(self.0), &visitor)),
            }
        }
    )*};
}

/// A parsed JSON value read as serde_json reads a `Value`, but a struct only from an object.
struct Tree(Value);

impl<'de> de::Deserializer<'de> for Tree {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(items) => visitor.visit_seq(Items(items.into_iter())),
            Value::Object(entries) => visitor.visit_map(Entries::new(entries)),
            scalar => scalar.deserialize_any(visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            value => visitor.visit_some(Tree(value)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(variant) => visitor.visit_enum(variant.into_deserializer()),
            Value::Object(entries) if entries.len() == 1 => {
                let Some((variant, content)) = entries.into_iter().next() else {
                    unreachable!("an object of one entry has an entry")
                };
                visitor.visit_enum(Variant { variant, content })
            }
            other => Err(refused(&other, &visitor)),
        }
    }

    // Each kind reads only its own shape, as serde_json's `Value` does: forwarded to
    // `deserialize_any`, every type's reader would carry all the shapes' paths. A JSON
    // number reads into any numeric type that holds it.
    one_shape!(visitor, Value::Bool(flag) => visitor.visit_bool(flag); deserialize_bool);
    one_shape!(visitor, Value::Number(number) => number.deserialize_any(visitor);
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64);
    one_shape!(visitor, Value::String(text) => visitor.visit_string(text);
        deserialize_char deserialize_str deserialize_string deserialize_identifier);
    one_shape!(visitor, Value::Null => visitor.visit_unit(); deserialize_unit);
    one_shape!(visitor, Value::Array(items) => visitor.visit_seq(Items(items.into_iter()));
        deserialize_seq);
    one_shape!(visitor, Value::Object(entries) => visitor.visit_map(Entries::new(entries));
        deserialize_map);

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

fn refused(value: &Value, expected: &dyn de::Expected) -> Error {
    de::Error::invalid_type(unexpected(value), expected)
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(flag) => Unexpected::Bool(*flag),
        Value::Number(_) => Unexpected::Other("number"),
        Value::String(text) => Unexpected::Str(text),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

struct Items(std::vec::IntoIter<Value>);

impl<'de> SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        self.0
            .next()
            .map(|item| seed.deserialize(Tree(item)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries {
    entries: serde_json::map::IntoIter,
    value: Option<Value>,
}

impl Entries {
    fn new(entries: Map<String, Value>) -> Self {
        Entries {
            entries: entries.into_iter(),
            value: None,
        }
    }
}

impl<'de> MapAccess<'de> for Entries {
    type Error = Error;

    fn next_key_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(Key(key)).map(Some)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(Tree(value)),
            None => Err(de::Error::custom("a value read before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An object's key: a string, read as a number where the type wants one (a map with
/// numbers for keys), as serde_json reads keys.
struct Key(String);

impl<'de> de::Deserializer<'de> for Key {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_string(self.0)
    }

    key_number! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_enum(self.0.into_deserializer())
    }

    serde::forward_to_deserialize_any! {
        bool char str string bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

/// An enum's variant with content, written as an object of one entry.
struct Variant {
    variant: String,
    content: Value,
}

impl<'de> EnumAccess<'de> for Variant {
    type Error = Error;
    type Variant = Tree;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Tree), Error> {
        let variant = seed.deserialize(Tree(Value::String(self.variant)))?;
        Ok((variant, Tree(self.content)))
    }
}

impl<'de> VariantAccess<'de> for Tree {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Visit {
        id: String,
        minutes: i64,
        rate: f64,
        done: bool,
        note: Option<String>,
        #[serde(default)]
        tasks: Vec<Task>,
        when: chrono::NaiveDate,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Task {
        code: String,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Shape {
        Empty,
        Count(u32),
        Pair(u8, u8),
        Named { name: String },
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Tagged {
        Moved { to: String },
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Wrapper {
        #[serde(flatten)]
        task: Task,
        extra: u8,
    }

    #[test]
    fn a_struct_reads_its_fields_nested_structs_lists_options_and_dates() {
        let text = r#"{"id":"v1","minutes":30,"rate":2,"done":true,"note":null,
            "tasks":[{"code":"a1"},{"code":"b2"}],"when":"2026-12-07","unknown":[1,{"x":2}]}"#;
        assert_eq!(
            from_json::<Visit>(text).expect("reads"),
            Visit {
                id: "v1".into(),
                minutes: 30,
                rate: 2.0,
                done: true,
                note: None,
                tasks: vec![Task { code: "a1".into() }, Task { code: "b2".into() }],
                when: chrono::NaiveDate::from_ymd_opt(2026, 12, 7).expect("date"),
            }
        );
    }

    #[test]
    fn enums_read_in_every_form_serde_writes_them() {
        let shapes: Vec<Shape> =
            from_json(r#"["empty",{"count":3},{"pair":[1,2]},{"named":{"name":"x"}}]"#)
                .expect("reads");
        assert_eq!(
            shapes,
            vec![
                Shape::Empty,
                Shape::Count(3),
                Shape::Pair(1, 2),
                Shape::Named { name: "x".into() }
            ]
        );
        assert_eq!(
            from_json::<Tagged>(r#"{"kind":"moved","to":"jana"}"#).expect("reads"),
            Tagged::Moved { to: "jana".into() }
        );
    }

    #[test]
    fn maps_and_flattened_fields_read_as_from_the_text() {
        let map: BTreeMap<String, Option<i32>> = from_json(r#"{"b":null,"a":-4}"#).expect("reads");
        assert_eq!(
            map,
            BTreeMap::from([("a".into(), Some(-4)), ("b".into(), None)])
        );
        assert_eq!(
            from_json::<Wrapper>(r#"{"code":"c2","extra":7}"#).expect("reads"),
            Wrapper {
                task: Task { code: "c2".into() },
                extra: 7
            }
        );
    }

    #[test]
    fn a_struct_written_as_a_list_or_a_wrong_type_is_refused() {
        assert!(from_json::<Task>(r#"["a1"]"#).is_err());
        assert!(from_json::<Task>(r#"{"code":5}"#).is_err());
        assert!(
            from_json::<Visit>(r#"{"id":"v1"}"#).is_err(),
            "missing fields"
        );
        assert!(from_json::<Task>(r#"{"code":"a1"} trailing"#).is_err());
    }
}
