//! Reading a `.onnx` file: protobuf decoding and external data (tensors stored in side files).
//!
//! External data `location`s are resolved relative to the model's folder and must stay inside
//! it: absolute paths, `..` components and symlinks pointing outside are refused.

use std::path::{Component, Path, PathBuf};

use prost::Message;

use super::proto::{tensor_proto::DataLocation, ModelProto, TensorProto};
use crate::Error;

/// Loads a model file and inlines all external data.
pub fn load_model(path: &Path) -> Result<ModelProto, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    let dir = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir };
    load_model_bytes(&bytes, path, Some(&dir))
}

/// Decodes model bytes; `dir` is where external data lives (None: external data is an error).
pub fn load_model_bytes(bytes: &[u8], path: &Path, dir: Option<&Path>) -> Result<ModelProto, Error> {
    if bytes.is_empty() {
        return Err(Error::Decode { path: path.to_path_buf(), reason: "the file is empty".into() });
    }
    let mut model =
        ModelProto::decode(bytes).map_err(|e| Error::Decode { path: path.to_path_buf(), reason: e.to_string() })?;
    if let Some(graph) = model.graph.as_mut() {
        for t in graph.initializer.iter_mut() {
            resolve_external(t, dir)?;
        }
        for node in graph.node.iter_mut() {
            for attr in node.attribute.iter_mut() {
                if let Some(t) = attr.t.as_mut() {
                    resolve_external(t, dir)?;
                }
            }
        }
    } else {
        return Err(Error::Decode { path: path.to_path_buf(), reason: "the model has no graph".into() });
    }
    Ok(model)
}

fn resolve_external(t: &mut TensorProto, dir: Option<&Path>) -> Result<(), Error> {
    if t.data_location != Some(DataLocation::External as i32) {
        return Ok(());
    }
    let name = t.name.clone().unwrap_or_default();
    let bad = |why: String| Error::Model(format!("initializer `{name}`: external data {why}"));
    let dir = dir.ok_or_else(|| bad("is not available when loading from memory".into()))?;
    let (mut location, mut offset, mut length) = (None, 0u64, None);
    for kv in &t.external_data {
        let value = kv.value.clone().unwrap_or_default();
        match kv.key.as_deref() {
            Some("location") => location = Some(value),
            Some("offset") => offset = value.parse().map_err(|_| bad(format!("offset `{value}` is not a number")))?,
            Some("length") => {
                length = Some(value.parse::<u64>().map_err(|_| bad(format!("length `{value}` is not a number")))?)
            }
            _ => {}
        }
    }
    let location = location.ok_or_else(|| bad("has no location".into()))?;
    let file = safe_join(dir, &location).map_err(bad)?;
    let size = std::fs::metadata(&file).map_err(|e| bad(format!("`{location}`: {e}")))?.len();
    let length = length.unwrap_or(size.saturating_sub(offset));
    // Read no more than the tensor declares: a length that disagrees is refused before reading.
    if let Some(declared) = declared_bytes(t) {
        if declared != length {
            return Err(bad(format!(
                "length {length} disagrees with the {declared} bytes its dims and data type need"
            )));
        }
    }
    if offset.checked_add(length).is_none_or(|end| end > size) {
        return Err(bad(format!("range {offset}+{length} lies beyond the end of `{location}` ({size} bytes)")));
    }
    let mut f = std::fs::File::open(&file).map_err(|e| bad(format!("`{location}`: {e}")))?;
    use std::io::{Read, Seek, SeekFrom};
    f.seek(SeekFrom::Start(offset)).map_err(|e| bad(e.to_string()))?;
    let mut data = Vec::new();
    f.take(length).read_to_end(&mut data).map_err(|e| bad(e.to_string()))?;
    t.raw_data = Some(data);
    t.data_location = Some(DataLocation::Default as i32);
    t.external_data.clear();
    Ok(())
}

/// The bytes a tensor's dims and data type need (`None` for an unknown type or an overflow).
fn declared_bytes(t: &TensorProto) -> Option<u64> {
    let size = crate::ir::DType::from_onnx_code(t.data_type.unwrap_or(0))?.size() as u64;
    t.dims.iter().try_fold(size, |a, &d| a.checked_mul(u64::try_from(d).ok()?))
}

/// Joins a relative `location` onto `dir`, refusing anything that could leave `dir`.
fn safe_join(dir: &Path, location: &str) -> Result<PathBuf, String> {
    let rel = Path::new(location);
    if location.is_empty() || rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(format!("location `{location}` must be a plain relative path inside the model's folder"));
    }
    let joined = dir.join(rel);
    let real_dir = dir.canonicalize().map_err(|e| format!("model folder: {e}"))?;
    let real = joined.canonicalize().map_err(|e| format!("`{location}`: {e}"))?;
    if !real.starts_with(&real_dir) {
        return Err(format!("location `{location}` resolves outside the model's folder"));
    }
    Ok(real)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_join_refuses_escapes() {
        let dir = std::env::temp_dir();
        assert!(safe_join(&dir, "../etc/passwd").is_err());
        assert!(safe_join(&dir, "/etc/passwd").is_err());
        assert!(safe_join(&dir, "").is_err());
    }

    use crate::front::onnx::proto::{GraphProto, StringStringEntryProto};

    fn model_with_external(location: &str, offset: &str, length: &str) -> Vec<u8> {
        let kv = |k: &str, v: &str| StringStringEntryProto { key: Some(k.into()), value: Some(v.into()) };
        let t = TensorProto {
            name: Some("w".into()),
            dims: vec![2],
            data_type: Some(1),
            data_location: Some(DataLocation::External as i32),
            external_data: vec![kv("location", location), kv("offset", offset), kv("length", length)],
            ..Default::default()
        };
        let m =
            ModelProto { graph: Some(GraphProto { initializer: vec![t], ..Default::default() }), ..Default::default() };
        m.encode_to_vec()
    }

    #[test]
    fn external_data_is_read_from_the_models_folder() {
        let dir = std::env::temp_dir().join(format!("ronn-ext-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut data = vec![0u8; 4];
        data.extend(1.5f32.to_le_bytes());
        data.extend(2.5f32.to_le_bytes());
        std::fs::write(dir.join("weights.bin"), &data).unwrap();
        let p = dir.join("m.onnx");
        let m = load_model_bytes(&model_with_external("weights.bin", "4", "8"), &p, Some(&dir)).unwrap();
        let t = &m.graph.unwrap().initializer[0];
        assert_eq!(t.raw_data.as_deref(), Some(&data[4..]));
        // Past the end of the file, escaping the folder, or absolute: refused with the reason.
        let e = load_model_bytes(&model_with_external("weights.bin", "8", "8"), &p, Some(&dir)).unwrap_err();
        assert!(e.to_string().contains("beyond the end"), "{e}");
        let e = load_model_bytes(&model_with_external("../weights.bin", "0", "8"), &p, Some(&dir)).unwrap_err();
        assert!(e.to_string().contains("inside the model's folder"), "{e}");
        let e = load_model_bytes(&model_with_external("/etc/passwd", "0", "8"), &p, Some(&dir)).unwrap_err();
        assert!(e.to_string().contains("`w`"), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn empty_and_garbage_bytes_are_errors() {
        let p = Path::new("x.onnx");
        assert!(load_model_bytes(&[], p, None).is_err());
        assert!(load_model_bytes(&[0xff, 0xff, 0xff], p, None).is_err());
    }
}
