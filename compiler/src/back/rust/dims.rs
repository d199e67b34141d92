//! Dims in generated code. A fixed size is a literal; a symbolic dim is an expression over the
//! `usize` locals that `run` binds from its inputs' shapes (`2 * batch * seq + 3`), a floor
//! a division (`(dim_h + 1) / 2`).
//! Dims reaching here grow with their symbols (the planner checks), so the positive terms are
//! summed first and the negative constant subtracted last: no intermediate underflows once
//! `run` has checked that the dims with a negative minimum are not negative
//! ([`DimIdents::nonnegative_check`]).

use std::collections::BTreeMap;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::ir::{Atom, Dim};

/// `a + b + ...`, `0usize` for none.
fn sum(terms: &[TokenStream]) -> TokenStream {
    match terms.split_first() {
        Some((first, rest)) => rest.iter().fold(first.clone(), |a, t| quote!(#a + #t)),
        None => quote!(0usize),
    }
}

/// The local bound to each symbol in `run`.
#[derive(Default)]
pub struct DimIdents {
    pub idents: BTreeMap<String, Ident>,
}

impl DimIdents {
    /// One dim as a `usize` expression.
    pub fn dim(&self, d: &Dim) -> Result<TokenStream, String> {
        if let Some(n) = d.as_fixed() {
            let n = Literal::usize_unsuffixed(n);
            return Ok(quote!(#n));
        }
        let (plus, minus) = self.terms(d)?;
        let expr = minus.iter().fold(sum(&plus), |a, t| quote!(#a - #t));
        Ok(quote!((#expr)))
    }

    /// `if d < 0 { return Err(..) }` without underflowing, for a dim that is negative at small
    /// sizes (a window larger than its input): `run` checks these before anything else.
    pub fn nonnegative_check(&self, d: &Dim) -> Result<TokenStream, String> {
        let (plus, minus) = self.terms(d)?;
        let (plus, minus, size) = (sum(&plus), sum(&minus), d.to_string());
        Ok(quote! {
            if #plus < #minus { return Err(rt::Error::TooSmall { size: #size }); }
        })
    }

    /// `if a != b { return Err(..) }`, for sizes the model needs equal that the compiler could
    /// not prove so (`run` checks these after the sizes are known not to be negative).
    pub fn equality_check(&self, a: &Dim, b: &Dim) -> Result<TokenStream, String> {
        let (ta, tb, sa, sb) = (self.dim(a)?, self.dim(b)?, a.to_string(), b.to_string());
        Ok(quote! {
            if #ta != #tb { return Err(rt::Error::SizeMismatch { a: #sa, b: #sb }); }
        })
    }

    /// The positive terms, and the negative terms' magnitudes.
    fn terms(&self, d: &Dim) -> Result<(Vec<TokenStream>, Vec<TokenStream>), String> {
        let mut plus = Vec::new();
        let mut minus = Vec::new();
        for (coef, syms) in d.terms() {
            let mut factors: Vec<TokenStream> = Vec::new();
            if coef.unsigned_abs() != 1 || syms.is_empty() {
                let c = Literal::usize_unsuffixed(
                    usize::try_from(coef.unsigned_abs()).map_err(|_| format!("dim {d} is too large"))?,
                );
                factors.push(quote!(#c));
            }
            for atom in syms {
                factors.push(match atom {
                    Atom::Sym(s) => {
                        let id = self.idents.get(s).ok_or_else(|| {
                            format!("the symbolic dim `{s}` is not the size of any input axis, so `run` cannot know it")
                        })?;
                        quote!(#id)
                    }
                    Atom::Floor(inner, 1) => self.dim(inner)?,
                    Atom::Floor(inner, k) => {
                        let inner = self.dim(inner)?;
                        let k = Literal::usize_unsuffixed(
                            usize::try_from(*k).map_err(|_| format!("dim {d} divides by {k}"))?,
                        );
                        quote!((#inner / #k))
                    }
                });
            }
            let mut it = factors.into_iter();
            let first = it.next().unwrap_or_else(|| quote!(1usize));
            let term = it.fold(first, |a, f| quote!(#a * #f));
            if coef < 0 {
                minus.push(term);
            } else {
                plus.push(term);
            }
        }
        Ok((plus, minus))
    }

    /// A shape as `&[d0, d1, ...]`.
    pub fn shape(&self, dims: &[Dim]) -> Result<TokenStream, String> {
        let v = dims.iter().map(|d| self.dim(d)).collect::<Result<Vec<_>, _>>()?;
        Ok(quote!(&[#(#v),*]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_fixed_dims_as_literals_and_symbols_as_expressions() {
        let mut ids = DimIdents::default();
        ids.idents.insert("seq".into(), quote::format_ident!("dim_seq"));
        ids.idents.insert("batch".into(), quote::format_ident!("dim_batch"));
        assert_eq!(ids.dim(&Dim::fixed(7)).unwrap().to_string(), "7");
        let d = &(&(&Dim::sym("batch") * &Dim::sym("seq")) * &Dim::int(2)) - &Dim::int(1);
        assert_eq!(ids.dim(&d).unwrap().to_string(), "(2 * dim_batch * dim_seq - 1)");
        assert!(ids.dim(&Dim::sym("other")).is_err());
        assert_eq!(ids.shape(&[Dim::fixed(3), Dim::sym("seq")]).unwrap().to_string(), "& [3 , (dim_seq)]");
    }
}
