//! Typed access to a node's attributes.

use super::proto::{AttributeProto, TensorProto};

/// The attributes of one node (a view of the node's list: copying it copies the view).
#[derive(Clone, Copy)]
pub struct Attrs<'a> {
    list: &'a [AttributeProto],
}

impl<'a> Attrs<'a> {
    pub fn new(list: &'a [AttributeProto]) -> Self {
        Attrs { list }
    }

    fn get(&self, name: &str) -> Option<&'a AttributeProto> {
        self.list.iter().find(|a| a.name.as_deref() == Some(name))
    }

    pub fn int(&self, name: &str) -> Option<i64> {
        self.get(name).and_then(|a| a.i)
    }

    pub fn int_or(&self, name: &str, default: i64) -> i64 {
        self.int(name).unwrap_or(default)
    }

    pub fn float(&self, name: &str) -> Option<f32> {
        self.get(name).and_then(|a| a.f)
    }

    pub fn float_or(&self, name: &str, default: f32) -> f32 {
        self.float(name).unwrap_or(default)
    }

    pub fn ints(&self, name: &str) -> Option<Vec<i64>> {
        self.get(name).map(|a| a.ints.clone())
    }

    pub fn floats(&self, name: &str) -> Option<Vec<f32>> {
        self.get(name).map(|a| a.floats.clone())
    }

    pub fn string(&self, name: &str) -> Option<String> {
        self.get(name).and_then(|a| a.s.as_ref()).map(|s| String::from_utf8_lossy(s).into_owned())
    }

    pub fn strings(&self, name: &str) -> Option<Vec<String>> {
        self.get(name).map(|a| a.strings.iter().map(|s| String::from_utf8_lossy(s).into_owned()).collect())
    }

    pub fn graph(&self, name: &str) -> Option<&'a super::proto::GraphProto> {
        self.get(name).and_then(|a| a.g.as_ref())
    }

    pub fn tensor(&self, name: &str) -> Option<&'a TensorProto> {
        self.get(name).and_then(|a| a.t.as_ref())
    }

    /// A copy of the list with `attr` added (replacing one of the same name), for importers
    /// that read a node as another op which needs an attribute the node leaves implicit.
    pub fn with(&self, attr: AttributeProto) -> Vec<AttributeProto> {
        let mut list: Vec<AttributeProto> = self.list.iter().filter(|a| a.name != attr.name).cloned().collect();
        list.push(attr);
        list
    }

    /// Non-negative ints (sizes, strides), with a clear error on a negative entry.
    pub fn usizes(&self, name: &str) -> Result<Option<Vec<usize>>, String> {
        match self.ints(name) {
            None => Ok(None),
            Some(v) => v
                .iter()
                .map(|&x| usize::try_from(x).map_err(|_| format!("attribute `{name}` has negative entry {x}")))
                .collect::<Result<Vec<_>, _>>()
                .map(Some),
        }
    }
}

/// An int attribute, for importers that re-express a node as another op with other attributes.
pub fn int_attr(name: &str, value: i64) -> AttributeProto {
    AttributeProto { name: Some(name.to_string()), i: Some(value), r#type: Some(2), ..Default::default() }
}

/// A float attribute (see [`int_attr`]).
pub fn float_attr(name: &str, value: f32) -> AttributeProto {
    AttributeProto { name: Some(name.to_string()), f: Some(value), r#type: Some(1), ..Default::default() }
}
