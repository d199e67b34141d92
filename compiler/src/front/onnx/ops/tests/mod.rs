//! Unit tests of the op importers: attributes and inputs of small one-node ONNX models, and the
//! core ops they become.

use super::*;
use crate::front::onnx::proto::{
    tensor_shape_proto, type_proto, AttributeProto, GraphProto, ModelProto, NodeProto, OperatorSetIdProto, TensorProto,
    TensorShapeProto, TypeProto, ValueInfoProto,
};
use crate::front::onnx::{import, ImportOptions};
use crate::ir::{
    fixed_dims, BinaryOp, DType, Data, Graph, Op, PadMode, PoolKind, ReduceKind, Tensor, UnaryOp, ValueDef, Window,
};
use crate::Error;

// ---- helpers -------------------------------------------------------------------------------

/// A graph input of fixed dims.
fn input(name: &str, dtype: DType, dims: &[i64]) -> ValueInfoProto {
    let dim = dims
        .iter()
        .map(|&d| tensor_shape_proto::Dimension {
            value: Some(tensor_shape_proto::dimension::Value::DimValue(d)),
            ..Default::default()
        })
        .collect();
    ValueInfoProto {
        name: Some(name.into()),
        r#type: Some(TypeProto {
            value: Some(type_proto::Value::TensorType(type_proto::Tensor {
                elem_type: Some(dtype.onnx_code()),
                shape: Some(TensorShapeProto { dim }),
            })),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn f32_input(name: &str, dims: &[i64]) -> ValueInfoProto {
    input(name, DType::F32, dims)
}

fn init_f32(name: &str, dims: &[i64], v: &[f32]) -> TensorProto {
    TensorProto {
        name: Some(name.into()),
        dims: dims.to_vec(),
        data_type: Some(DType::F32.onnx_code()),
        float_data: v.to_vec(),
        ..Default::default()
    }
}

fn init_i64(name: &str, v: &[i64]) -> TensorProto {
    TensorProto {
        name: Some(name.into()),
        dims: vec![v.len() as i64],
        data_type: Some(DType::I64.onnx_code()),
        int64_data: v.to_vec(),
        ..Default::default()
    }
}

fn attr_i(name: &str, v: i64) -> AttributeProto {
    AttributeProto { name: Some(name.into()), i: Some(v), ..Default::default() }
}

fn attr_f(name: &str, v: f32) -> AttributeProto {
    AttributeProto { name: Some(name.into()), f: Some(v), ..Default::default() }
}

fn attr_ints(name: &str, v: &[i64]) -> AttributeProto {
    AttributeProto { name: Some(name.into()), ints: v.to_vec(), ..Default::default() }
}

fn attr_s(name: &str, v: &str) -> AttributeProto {
    AttributeProto { name: Some(name.into()), s: Some(v.as_bytes().to_vec()), ..Default::default() }
}

fn node(op_type: &str, name: &str, inputs: &[&str], outputs: &[&str], attrs: Vec<AttributeProto>) -> NodeProto {
    NodeProto {
        op_type: Some(op_type.into()),
        name: Some(name.into()),
        input: inputs.iter().map(|s| s.to_string()).collect(),
        output: outputs.iter().map(|s| s.to_string()).collect(),
        attribute: attrs,
        ..Default::default()
    }
}

/// A model of the default domain at `opset` with these inputs, initialisers and nodes, whose
/// outputs are the last node's outputs.
fn model(opset: i64, inputs: Vec<ValueInfoProto>, inits: Vec<TensorProto>, nodes: Vec<NodeProto>) -> ModelProto {
    let output = nodes
        .last()
        .map(|n| n.output.iter().map(|o| ValueInfoProto { name: Some(o.clone()), ..Default::default() }).collect())
        .unwrap_or_default();
    ModelProto {
        ir_version: Some(8),
        opset_import: vec![OperatorSetIdProto { domain: Some(String::new()), version: Some(opset) }],
        graph: Some(GraphProto {
            name: Some("test".into()),
            node: nodes,
            input: inputs,
            initializer: inits,
            output,
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// A model of one node.
fn one(opset: i64, inputs: Vec<ValueInfoProto>, inits: Vec<TensorProto>, n: NodeProto) -> ModelProto {
    model(opset, inputs, inits, vec![n])
}

fn import_ok(m: &ModelProto) -> Graph {
    import(m, &ImportOptions::default()).unwrap_or_else(|e| panic!("import failed: {e}"))
}

fn import_err(m: &ModelProto) -> Error {
    match import(m, &ImportOptions::default()) {
        Ok(_) => panic!("the import should fail"),
        Err(e) => e,
    }
}

/// The graph's nodes as (name, op), in the order they were added.
fn ops(g: &Graph) -> Vec<(String, Op)> {
    g.node_ids().map(|n| (g.node(n).name.clone(), g.node(n).op.clone())).collect()
}

/// The only node's op.
fn only_op(g: &Graph) -> Op {
    let all = ops(g);
    assert_eq!(all.len(), 1, "one node expected, got {all:?}");
    all[0].1.clone()
}

/// The node named `name`.
fn named<'g>(g: &'g Graph, name: &str) -> &'g crate::ir::Node {
    g.node_ids().map(|n| g.node(n)).find(|n| n.name == name).unwrap_or_else(|| panic!("no node `{name}`"))
}

/// The constant an input of a node reads.
fn const_input(g: &Graph, node: &crate::ir::Node, k: usize) -> Tensor {
    match &g.value(node.inputs[k]).def {
        ValueDef::Const(t) => t.clone(),
        other => panic!("input {k} of `{}` is {other:?}, not a constant", node.name),
    }
}

fn conv_model(attrs: Vec<AttributeProto>, x: &[i64], w: &[i64]) -> ModelProto {
    let n = w.iter().product::<i64>() as usize;
    one(
        11,
        vec![f32_input("x", x)],
        vec![init_f32("w", w, &vec![1.0; n])],
        node("Conv", "conv", &["x", "w"], &["y"], attrs),
    )
}

mod contrib;
mod defaults;
mod driver;
mod gemm;
mod indexing;
mod more_ops;
mod shapes;
mod shared_helpers;
mod softmax;
mod windows;
