//! What a graph input's declared dim means. Exporters write sizes, names (`batch`), and several
//! spellings of "unknown": no value at all, `-1`, an empty name or `?` (which tools put on
//! axes of different sizes, so it cannot be one shared symbol). Each unknown dim becomes a
//! symbol of its own, named after its input and axis (`input.1_0`), which `--dim`,
//! `--dim-max` and `include_model!` accept like any other name and `ronnc check` bounds from
//! its data sets.

use super::proto::tensor_shape_proto::{dimension::Value, Dimension};

/// A graph input's dim as declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputDim {
    /// A size.
    Fixed(usize),
    /// A symbol: the exporter's name, or `<input>_<axis>` for an unknown dim.
    Symbol(String),
}

/// The dim of axis `axis` of graph input `input`. A negative size other than `-1` is an error.
pub fn input_dim(input: &str, axis: usize, d: &Dimension) -> Result<InputDim, String> {
    let unknown = || InputDim::Symbol(format!("{input}_{axis}"));
    Ok(match &d.value {
        Some(Value::DimValue(-1)) | None => unknown(),
        Some(Value::DimValue(n)) => InputDim::Fixed(usize::try_from(*n).map_err(|_| format!("negative dim {n}"))?),
        Some(Value::DimParam(s)) if is_unknown(s) => unknown(),
        Some(Value::DimParam(s)) => InputDim::Symbol(s.clone()),
    })
}

/// Names that say "unknown" rather than name a dim: empty, `?`, or a number (`-1`).
fn is_unknown(name: &str) -> bool {
    let name = name.trim();
    name.is_empty() || name == "?" || name.parse::<i64>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dim(value: Option<Value>) -> Dimension {
        Dimension { value, ..Default::default() }
    }

    #[test]
    fn every_spelling_of_unknown_is_a_symbol_of_its_own_axis() {
        let sym = |s: &str| InputDim::Symbol(s.to_string());
        assert_eq!(input_dim("x", 0, &dim(Some(Value::DimValue(3)))), Ok(InputDim::Fixed(3)));
        assert_eq!(input_dim("x", 0, &dim(Some(Value::DimParam("batch".into())))), Ok(sym("batch")));
        assert_eq!(input_dim("x", 1, &dim(None)), Ok(sym("x_1")));
        assert_eq!(input_dim("input.1", 2, &dim(Some(Value::DimValue(-1)))), Ok(sym("input.1_2")));
        for name in ["", "?", " ? ", "-1"] {
            assert_eq!(input_dim("x", 3, &dim(Some(Value::DimParam(name.into())))), Ok(sym("x_3")), "{name:?}");
        }
        assert!(input_dim("x", 0, &dim(Some(Value::DimValue(-2)))).unwrap_err().contains("negative dim -2"));
    }
}
