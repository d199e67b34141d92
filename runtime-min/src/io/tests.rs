//! Tests of the readers and writers against bytes numpy and onnx wrote, round trips, and
//! malformed input (truncations, bad headers, absurd shapes) that must fail cleanly.

use super::npy::*;
use super::proto::*;
use super::tensor::*;
use crate::DType;
use half::{bf16, f16};

// Generated once with the venv python (`python=$(bash scripts/venv.sh)`), from
// `import io, numpy as np; from onnx import numpy_helper, helper, TensorProto`, each literal
// being `<expression>.SerializeToString()` (or, for .npy, the bytes that
// `np.lib.format.write_array(f, <array>, version=<v>)` wrote into `f = io.BytesIO()`).
// numpy_helper.from_array(np.array([[1, -2.5, 3], [0.25, 0, 7]], np.float32), 'x').SerializeToString()
const F32_RAW: &[u8] = b"\x08\x02\x08\x03\x10\x01\x42\x01\x78\x4a\x18\x00\x00\x80\x3f\x00\x00\x20\xc0\x00\x00\x40\x40\x00\x00\x80\x3e\x00\x00\x00\x00\x00\x00\xe0\x40";
// helper.make_tensor('w', TensorProto.FLOAT, [2, 2], [1.5, -2.0, 1e-3, 3e38]).SerializeToString()
const F32_FLOAT_DATA: &[u8] =
    b"\x08\x02\x08\x02\x10\x01\x22\x10\x00\x00\xc0\x3f\x00\x00\x00\xc0\x6f\x12\x83\x3a\xe6\xb1\x61\x7f\x42\x01\x77";
// helper.make_tensor('ids', TensorProto.INT64, [3], [1, -2, 1 << 40]).SerializeToString()
const I64_INT64_DATA: &[u8] =
    b"\x08\x03\x10\x07\x3a\x11\x01\xfe\xff\xff\xff\xff\xff\xff\xff\xff\x01\x80\x80\x80\x80\x80\x20\x42\x03\x69\x64\x73";
// helper.make_tensor('h', TensorProto.FLOAT16, [3], np.array([1, -0.5, 65504], np.float16)).SerializeToString()
const F16_INT32_DATA: &[u8] = b"\x08\x03\x10\x0a\x2a\x08\x80\x78\x80\xf0\x02\xff\xf7\x01\x42\x01\x68";
// helper.make_tensor('b', TensorProto.BFLOAT16, [2], [1.0, -2.0]).SerializeToString()
const BF16_INT32_DATA: &[u8] = b"\x08\x02\x10\x10\x2a\x05\x80\x7f\x80\x80\x03\x42\x01\x62";
// helper.make_tensor('i8', TensorProto.INT8, [3], [-1, 2, -128]).SerializeToString()
const I8_INT32_DATA: &[u8] = b"\x08\x03\x10\x03\x2a\x15\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01\x02\x80\xff\xff\xff\xff\xff\xff\xff\xff\x01\x42\x02\x69\x38";
// helper.make_tensor('u32', TensorProto.UINT32, [2], [1, 4000000000]).SerializeToString()
const U32_UINT64_DATA: &[u8] = b"\x08\x02\x10\x0c\x42\x03\x75\x33\x32\x5a\x06\x01\x80\xd0\xac\xf3\x0e";
// helper.make_tensor('d', TensorProto.DOUBLE, [2], [0.1, -1e300]).SerializeToString()
const F64_DOUBLE_DATA: &[u8] =
    b"\x08\x02\x10\x0b\x42\x01\x64\x52\x10\x9a\x99\x99\x99\x99\x99\xb9\x3f\x9c\x75\x00\x88\x3c\xe4\x37\xfe";
// numpy_helper.from_array(np.array([True, False, True]), 'mask').SerializeToString()
const BOOL_RAW: &[u8] = b"\x08\x03\x10\x09\x42\x04\x6d\x61\x73\x6b\x4a\x03\x01\x00\x01";
// numpy_helper.from_array(np.array(-7, np.int32), 's').SerializeToString()
const I32_SCALAR_RAW: &[u8] = b"\x10\x06\x42\x01\x73\x4a\x04\xf9\xff\xff\xff";
// numpy_helper.from_array(np.array([[0.5], [-3]], np.float16), 'hr').SerializeToString()
const F16_RAW: &[u8] = b"\x08\x02\x08\x01\x10\x0a\x42\x02\x68\x72\x4a\x04\x00\x38\x00\xc2";
// np.lib.format.write_array(f, np.arange(6, dtype=np.float32).reshape(2, 3) - 2.5, version=(1, 0))
const NPY_F32_V1: &[u8] = b"\x93\x4e\x55\x4d\x50\x59\x01\x00\x76\x00\x7b\x27\x64\x65\x73\x63\x72\x27\x3a\x20\x27\x3c\x66\x34\x27\x2c\x20\x27\x66\x6f\x72\x74\x72\x61\x6e\x5f\x6f\x72\x64\x65\x72\x27\x3a\x20\x46\x61\x6c\x73\x65\x2c\x20\x27\x73\x68\x61\x70\x65\x27\x3a\x20\x28\x32\x2c\x20\x33\x29\x2c\x20\x7d\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x0a\x00\x00\x20\xc0\x00\x00\xc0\xbf\x00\x00\x00\xbf\x00\x00\x00\x3f\x00\x00\xc0\x3f\x00\x00\x20\x40";
// np.lib.format.write_array(f, np.array([True, False, False, True]), version=(2, 0))
const NPY_BOOL_V2: &[u8] = b"\x93\x4e\x55\x4d\x50\x59\x02\x00\x74\x00\x00\x00\x7b\x27\x64\x65\x73\x63\x72\x27\x3a\x20\x27\x7c\x62\x31\x27\x2c\x20\x27\x66\x6f\x72\x74\x72\x61\x6e\x5f\x6f\x72\x64\x65\x72\x27\x3a\x20\x46\x61\x6c\x73\x65\x2c\x20\x27\x73\x68\x61\x70\x65\x27\x3a\x20\x28\x34\x2c\x29\x2c\x20\x7d\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x0a\x01\x00\x00\x01";
// np.lib.format.write_array(f, np.array(-42, np.int64), version=(3, 0))
const NPY_I64_SCALAR_V3: &[u8] = b"\x93\x4e\x55\x4d\x50\x59\x03\x00\x74\x00\x00\x00\x7b\x27\x64\x65\x73\x63\x72\x27\x3a\x20\x27\x3c\x69\x38\x27\x2c\x20\x27\x66\x6f\x72\x74\x72\x61\x6e\x5f\x6f\x72\x64\x65\x72\x27\x3a\x20\x46\x61\x6c\x73\x65\x2c\x20\x27\x73\x68\x61\x70\x65\x27\x3a\x20\x28\x29\x2c\x20\x7d\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x0a\xd6\xff\xff\xff\xff\xff\xff\xff";
// np.lib.format.write_array(f, np.zeros((0, 3), np.uint8), version=(1, 0))
const NPY_U8_EMPTY: &[u8] = b"\x93\x4e\x55\x4d\x50\x59\x01\x00\x76\x00\x7b\x27\x64\x65\x73\x63\x72\x27\x3a\x20\x27\x7c\x75\x31\x27\x2c\x20\x27\x66\x6f\x72\x74\x72\x61\x6e\x5f\x6f\x72\x64\x65\x72\x27\x3a\x20\x46\x61\x6c\x73\x65\x2c\x20\x27\x73\x68\x61\x70\x65\x27\x3a\x20\x28\x30\x2c\x20\x33\x29\x2c\x20\x7d\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x0a";

#[test]
fn tensor_proto_raw_f32() {
    let (name, t) = read_tensor_proto(F32_RAW).unwrap();
    assert_eq!(name, "x");
    assert_eq!(t.dtype, DType::F32);
    assert_eq!(t.shape, [2, 3]);
    assert_eq!(t.to_vec::<f32>().unwrap(), [1.0, -2.5, 3.0, 0.25, 0.0, 7.0]);
    // Our writer produces exactly what numpy_helper.from_array does.
    assert_eq!(write_tensor_proto("x", &t), F32_RAW);
}

#[test]
fn tensor_proto_raw_matches_python_for_other_dtypes() {
    for (bytes, name) in [(BOOL_RAW, "mask"), (I32_SCALAR_RAW, "s"), (F16_RAW, "hr")] {
        let (n, t) = read_tensor_proto(bytes).unwrap();
        assert_eq!(n, name);
        assert_eq!(write_tensor_proto(name, &t), bytes);
    }
    let (_, t) = read_tensor_proto(BOOL_RAW).unwrap();
    assert_eq!(t.to_bools().unwrap(), [true, false, true]);
    let (_, t) = read_tensor_proto(I32_SCALAR_RAW).unwrap();
    assert_eq!((t.shape.as_slice(), t.to_vec::<i32>().unwrap()), (&[][..], vec![-7]));
    let (_, t) = read_tensor_proto(F16_RAW).unwrap();
    assert_eq!(t.shape, [2, 1]);
    assert_eq!(t.to_f64_vec(), [0.5, -3.0]);
}

#[test]
fn tensor_proto_float_data() {
    let (name, t) = read_tensor_proto(F32_FLOAT_DATA).unwrap();
    assert_eq!(name, "w");
    assert_eq!(t.shape, [2, 2]);
    assert_eq!(t.to_vec::<f32>().unwrap(), [1.5, -2.0, 1e-3, 3e38]);
}

#[test]
fn tensor_proto_int64_data() {
    let (name, t) = read_tensor_proto(I64_INT64_DATA).unwrap();
    assert_eq!(name, "ids");
    assert_eq!(t.shape, [3]);
    assert_eq!(t.to_vec::<i64>().unwrap(), [1, -2, 1 << 40]);
}

#[test]
fn tensor_proto_int32_data_small_types() {
    let (_, t) = read_tensor_proto(F16_INT32_DATA).unwrap();
    assert_eq!(t.dtype, DType::F16);
    assert_eq!(t.to_vec::<f16>().unwrap(), [f16::from_f32(1.0), f16::from_f32(-0.5), f16::MAX]);
    assert_eq!(t.to_f64_vec(), [1.0, -0.5, 65504.0]);
    let (_, t) = read_tensor_proto(BF16_INT32_DATA).unwrap();
    assert_eq!(t.to_vec::<bf16>().unwrap(), [bf16::from_f32(1.0), bf16::from_f32(-2.0)]);
    let (_, t) = read_tensor_proto(I8_INT32_DATA).unwrap();
    assert_eq!(t.to_vec::<i8>().unwrap(), [-1, 2, -128]);
}

#[test]
fn tensor_proto_uint64_and_double_data() {
    let (_, t) = read_tensor_proto(U32_UINT64_DATA).unwrap();
    assert_eq!(t.to_vec::<u32>().unwrap(), [1, 4_000_000_000]);
    let (_, t) = read_tensor_proto(F64_DOUBLE_DATA).unwrap();
    assert_eq!(t.to_vec::<f64>().unwrap(), [0.1, -1e300]);
}

#[test]
fn tensor_proto_round_trips_every_dtype() {
    for dtype in DType::ALL {
        let bytes: Vec<u8> = (0..6 * dtype.size()).map(|i| (i * 37 + 1) as u8).collect();
        let t = AnyTensor::new(dtype, vec![3, 1, 2], bytes).unwrap();
        let (name, back) = read_tensor_proto(&write_tensor_proto("t", &t)).unwrap();
        assert_eq!((name.as_str(), &back), ("t", &t), "{dtype}");
        assert_eq!(read_npy(&write_npy(&t)).unwrap(), t, "{dtype}");
        assert_eq!(t.to_f64_vec().len(), 6);
    }
}

#[test]
fn tensor_proto_unpacked_and_unknown_fields() {
    // dims packed, float_data unpacked (fixed32 each), plus unknown fields of every wire type
    // (varint, fixed64, bytes, group containing a nested group, fixed32) and doc_string.
    let mut b = vec![0x0a, 0x02, 0x02, 0x01]; // dims = [2, 1], packed
    b.extend([0x10, 0x01]); // data_type FLOAT
    b.extend([0x25]); // float_data, wire type 5
    b.extend(1.5f32.to_le_bytes());
    b.extend([0xf8, 0x01, 0x96, 0x01]); // field 31 varint 150
    b.extend([0x61]); // field 12, fixed64
    b.extend([0; 8]);
    b.extend([0x62, 0x03, b'd', b'o', b'c']); // doc_string (12) "doc"
    b.extend([0x9b, 0x01, 0xa3, 0x01, 0x08, 0x05, 0xa4, 0x01, 0x9c, 0x01]); // group 19 { group 20 { 1: 5 } }
    b.extend([0xb5, 0x01, 1, 2, 3, 4]); // field 22, fixed32
    b.extend([0x25]);
    b.extend((-4.0f32).to_le_bytes());
    let (name, t) = read_tensor_proto(&b).unwrap();
    assert_eq!(name, "");
    assert_eq!(t.shape, [2, 1]);
    assert_eq!(t.to_vec::<f32>().unwrap(), [1.5, -4.0]);
}

#[test]
fn tensor_proto_errors() {
    // Every truncation of every vector is an error, never a panic.
    for v in [F32_RAW, F32_FLOAT_DATA, I64_INT64_DATA, F16_INT32_DATA, U32_UINT64_DATA, F64_DOUBLE_DATA] {
        let full = read_tensor_proto(v).unwrap();
        for cut in 0..v.len() {
            // A cut just before a trailing name is a valid, differently named tensor.
            let r = read_tensor_proto(&v[..cut]);
            assert!(r.is_err() || r.as_ref().is_ok_and(|(n, t)| n.is_empty() && *t == full.1), "cut at {cut}: {r:?}");
        }
    }
    // Huge dims with little data: rejected before allocating.
    let mut b = vec![0x0a, 0x13];
    for _ in 0..2 {
        b.extend([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]); // 2^63 - 1
    }
    b.push(0x00); // a zero dim does not make the others acceptable
    b.extend([0x10, 0x01, 0x4a, 0x00]);
    let e = read_tensor_proto(&b).unwrap_err();
    assert!(matches!(e, IoError::BadShape(_)), "{e}");
    // 2^20 x 2^20 floats = 4 TiB: too large.
    let b = [0x08, 0x80, 0x80, 0x40, 0x08, 0x80, 0x80, 0x40, 0x10, 0x01, 0x4a, 0x00];
    assert!(matches!(read_tensor_proto(&b), Err(IoError::BadShape(_))));
    // 1000 floats declared, 4 bytes present.
    let b = [0x08, 0xe8, 0x07, 0x10, 0x01, 0x4a, 0x04, 0, 0, 0, 0];
    let e = read_tensor_proto(&b).unwrap_err();
    assert_eq!(e, IoError::DataLength { field: "raw_data", expected: 4000, got: 4 });
    assert_eq!(e.to_string(), "raw_data holds 4 bytes but the shape needs 4000");
    // Negative dim (-1 as a 10-byte varint).
    let mut b = vec![0x08];
    b.extend([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    b.extend([0x10, 0x01, 0x4a, 0x00]);
    assert!(matches!(read_tensor_proto(&b), Err(IoError::BadShape(_))));
    // STRING tensors are not supported; the message names the type.
    let e = read_tensor_proto(&[0x08, 0x01, 0x10, 0x08, 0x32, 0x01, b'a']).unwrap_err();
    assert_eq!(e.to_string(), "unsupported element type STRING (ONNX data type 8)");
    // External data.
    let b = [0x10, 0x01, 0x6a, 0x00];
    assert_eq!(read_tensor_proto(&b), Err(IoError::ExternalData));
    let b = [0x10, 0x01, 0x70, 0x01];
    assert_eq!(read_tensor_proto(&b), Err(IoError::ExternalData));
    // Missing data, bad wire types, bad field numbers, overlong varints, unmatched groups.
    assert!(read_tensor_proto(&[0x08, 0x02, 0x10, 0x01]).is_err());
    assert!(read_tensor_proto(&[0x12, 0x00]).is_err());
    assert!(read_tensor_proto(&[0x07, 0x00]).is_err());
    assert!(read_tensor_proto(&[0x00, 0x00]).is_err());
    assert!(read_tensor_proto(&[0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]).is_err());
    assert!(read_tensor_proto(&[0x9c, 0x01]).is_err());
    assert!(read_tensor_proto(&[0x9b, 0x01]).is_err());
    assert!(read_tensor_proto(&[0x22, 0x03, 0, 0, 0]).is_err());
    // Deeply nested groups.
    let deep: Vec<u8> = core::iter::repeat_n([0x9b, 0x01], 100_000).flatten().collect();
    assert!(read_tensor_proto(&deep).is_err());
    // No data_type.
    assert!(read_tensor_proto(&[]).is_err());
}

#[test]
fn npy_from_numpy() {
    let t = read_npy(NPY_F32_V1).unwrap();
    assert_eq!(t.shape, [2, 3]);
    assert_eq!(t.to_vec::<f32>().unwrap(), [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5]);
    assert_eq!(write_npy(&t), NPY_F32_V1);
    let t = read_npy(NPY_BOOL_V2).unwrap();
    assert_eq!(t.to_bools().unwrap(), [true, false, false, true]);
    let t = read_npy(NPY_I64_SCALAR_V3).unwrap();
    assert_eq!((t.shape.len(), t.to_vec::<i64>().unwrap()), (0, vec![-42]));
    let t = read_npy(NPY_U8_EMPTY).unwrap();
    assert_eq!((t.shape.as_slice(), t.len(), t.is_empty()), (&[0, 3][..], 0, true));
    assert_eq!(write_npy(&t), NPY_U8_EMPTY);
}

#[test]
fn npy_round_trip_shapes() {
    for shape in [vec![], vec![5], vec![1, 2, 3], vec![0]] {
        let n: usize = shape.iter().product();
        let data: Vec<f32> = (0..n).map(|i| i as f32 * 0.5).collect();
        let t = AnyTensor::from_slice(&data, &shape);
        let bytes = write_npy(&t);
        assert_eq!((bytes.len() - t.bytes.len()) % 64, 0);
        assert_eq!(read_npy(&bytes).unwrap(), t);
    }
    let t = AnyTensor::from_bools(&[true, false], &[2]);
    assert_eq!(read_npy(&write_npy(&t)).unwrap(), t);
    assert_eq!(AnyTensor::from_slice(&[true, false], &[2]), t);
}

fn npy_with_header(header: &str, data: &[u8]) -> Vec<u8> {
    let mut b = b"\x93NUMPY\x01\x00".to_vec();
    b.extend((header.len() as u16).to_le_bytes());
    b.extend(header.as_bytes());
    b.extend(data);
    b
}

#[test]
fn npy_errors() {
    for v in [NPY_F32_V1, NPY_BOOL_V2, NPY_I64_SCALAR_V3] {
        for cut in 0..v.len() {
            assert!(read_npy(&v[..cut]).is_err(), "cut at {cut}");
        }
    }
    let h = |s: &str| read_npy(&npy_with_header(s, &[0; 8]));
    assert_eq!(h("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }"), Err(IoError::FortranOrder));
    assert!(matches!(
        h("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }"),
        Err(IoError::UnsupportedDType(_))
    ));
    assert!(matches!(
        h("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }"),
        Err(IoError::UnsupportedDType(_))
    ));
    assert!(h("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }").is_err());
    assert!(h("{'descr': '<f4', 'shape': (2,), }").is_err());
    assert!(h("{'descr': '<f4', 'fortran_order': False, 'shape': (-2,), }").is_err());
    assert!(h("{'descr': '<f4', 'fortran_order': False, 'shape': (2,3), }").is_err());
    assert!(h("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999999,), }").is_err());
    assert!(h("{'descr': '<f4', 'fortran_order': False, 'shape': ((((((2,),),),),),), }").is_err());
    assert!(h("{'descr': '<f4 'fortran_order': False, 'shape': (2,), }").is_err());
    assert!(h("").is_err());
    // Fine: big-endian marker on a one-byte type, no trailing comma, double quotes.
    assert!(h("{\"descr\": \">u1\", \"fortran_order\": False, \"shape\": (8,)}").is_ok());
    assert!(h("{'descr': '<f8', 'fortran_order': False, 'shape': (1,)}").is_ok());
    // Huge shapes are rejected before allocating.
    let e = h("{'descr': '<f4', 'fortran_order': False, 'shape': (1099511627776, 1099511627776), }").unwrap_err();
    assert!(matches!(e, IoError::BadShape(_)), "{e}");
    let e = h("{'descr': '<f4', 'fortran_order': False, 'shape': (100000000,), }").unwrap_err();
    assert!(matches!(e, IoError::DataLength { .. }), "{e}");
    assert!(read_npy(b"PK\x03\x04").is_err());
    assert!(read_npy(b"\x93NUMPY\x04\x00\x00\x00").is_err());
}

#[test]
fn mutated_inputs_never_panic() {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let seeds = [F32_RAW, F32_FLOAT_DATA, I64_INT64_DATA, F16_INT32_DATA, U32_UINT64_DATA, NPY_F32_V1, NPY_BOOL_V2];
    for _ in 0..20_000 {
        let mut b = seeds[next() as usize % seeds.len()].to_vec();
        for _ in 0..1 + next() % 4 {
            let i = next() as usize % b.len();
            b[i] = next() as u8;
        }
        let _ = read_tensor_proto(&b);
        let _ = read_npy(&b);
    }
}

#[test]
fn accessors() {
    let t = AnyTensor::from_slice(&[1i64, -3], &[2]);
    assert_eq!(t.len(), 2);
    assert_eq!(t.to_f64_vec(), [1.0, -3.0]);
    assert_eq!(t.to_vec::<i32>(), Err(IoError::DTypeMismatch { expected: DType::I32, got: DType::I64 }));
    assert!(t.to_bools().is_err());
    assert!(AnyTensor::new(DType::F32, vec![2], vec![0; 7]).is_err());
    let b = AnyTensor::new(DType::Bool, vec![2], vec![0, 7]).unwrap();
    assert_eq!(b.bytes, [0, 1]);
}
