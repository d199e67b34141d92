//! Dimensions as integer polynomials over named symbols: `2*batch*seq + 3`. A fixed size is the
//! constant case. Exporters' shape arithmetic needs `+`, `-`, `*` and exact division (the `-1`
//! of a Reshape), which polynomials keep exact; anything else (floor division, `min`) is refused
//! by the op that needs it, with a message naming the expression.
//!
//! Symbols stand for sizes of at least 1 given at run time. A dim whose non-constant terms all
//! have positive coefficients grows with every symbol ([`Dim::is_monotone`]): planned at the
//! symbols' bounds, it never needs more memory at smaller sizes.

use std::collections::BTreeSet;
use std::fmt;

/// One term: a coefficient times a product of symbols (sorted; repeats are powers).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Term {
    syms: Vec<String>,
    coef: i64,
}

/// A dimension (or a small integer computed from dimensions): a normalised polynomial whose
/// terms are sorted by monomial, the constant first, none with a zero coefficient.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Dim {
    terms: Vec<Term>,
}

impl Dim {
    /// A fixed size (saturating at `i64::MAX`).
    pub fn fixed(n: usize) -> Dim {
        Dim::int(i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// A constant, which may be negative (an intermediate of shape arithmetic).
    pub fn int(n: i64) -> Dim {
        Dim::from_terms(vec![Term { syms: Vec::new(), coef: n }])
    }

    /// A named symbol (`batch`).
    pub fn sym(name: &str) -> Dim {
        Dim::from_terms(vec![Term { syms: vec![name.to_string()], coef: 1 }])
    }

    fn from_terms(mut terms: Vec<Term>) -> Dim {
        for t in &mut terms {
            t.syms.sort();
        }
        terms.sort_by(|a, b| a.syms.cmp(&b.syms));
        let mut out: Vec<Term> = Vec::with_capacity(terms.len());
        for t in terms {
            match out.last_mut() {
                Some(last) if last.syms == t.syms => last.coef = last.coef.saturating_add(t.coef),
                _ => out.push(t),
            }
        }
        out.retain(|t| t.coef != 0);
        Dim { terms: out }
    }

    /// The value when no symbol occurs.
    pub fn as_int(&self) -> Option<i64> {
        match self.terms.as_slice() {
            [] => Some(0),
            [t] if t.syms.is_empty() => Some(t.coef),
            _ => None,
        }
    }

    /// The size when no symbol occurs and the value is not negative.
    pub fn as_fixed(&self) -> Option<usize> {
        self.as_int().and_then(|n| usize::try_from(n).ok())
    }

    /// Whether no symbol occurs.
    pub fn is_fixed(&self) -> bool {
        self.as_int().is_some()
    }

    /// The symbols that occur.
    pub fn symbols(&self) -> BTreeSet<&str> {
        self.terms.iter().flat_map(|t| t.syms.iter().map(String::as_str)).collect()
    }

    /// True when every non-constant term has a positive coefficient: the value grows with
    /// every symbol, so its maximum is at the symbols' bounds and its minimum at 1.
    pub fn is_monotone(&self) -> bool {
        self.terms.iter().all(|t| t.syms.is_empty() || t.coef > 0)
    }

    /// The value for given symbol values (`None` for an unknown symbol or an overflow).
    pub fn eval(&self, value_of: &dyn Fn(&str) -> Option<i64>) -> Option<i64> {
        let mut sum = 0i64;
        for t in &self.terms {
            let mut p = t.coef;
            for s in &t.syms {
                p = p.checked_mul(value_of(s)?)?;
            }
            sum = sum.checked_add(p)?;
        }
        Some(sum)
    }

    /// The value with every symbol at 1: the minimum of a monotone dim.
    pub fn at_ones(&self) -> i64 {
        self.terms.iter().fold(0i64, |a, t| a.saturating_add(t.coef))
    }

    /// `self / d` when it is exact as a polynomial (`None` otherwise).
    pub fn div_exact(&self, d: &Dim) -> Option<Dim> {
        if d.terms.is_empty() {
            return None;
        }
        if self == d {
            return Some(Dim::int(1));
        }
        // The quotient's candidate: the terms that hold the divisor's last term, divided by
        // it (for a one-term divisor that must be every term); then a check by multiplication.
        let lead = d.terms.last()?;
        let mut q = Vec::new();
        for t in &self.terms {
            match remove_all(&t.syms, &lead.syms) {
                Some(rest) if t.coef % lead.coef == 0 => q.push(Term { syms: rest, coef: t.coef / lead.coef }),
                _ if d.terms.len() > 1 => {}
                _ => return None,
            }
        }
        let q = Dim::from_terms(q);
        (&q * d == *self).then_some(q)
    }

    /// The terms as (coefficient, symbols), constant first: for code generation.
    pub fn terms(&self) -> impl Iterator<Item = (i64, &[String])> {
        self.terms.iter().map(|t| (t.coef, t.syms.as_slice()))
    }

    /// The product of dims (a shape's element count).
    pub fn product<'a>(dims: impl IntoIterator<Item = &'a Dim>) -> Dim {
        dims.into_iter().fold(Dim::int(1), |a, d| &a * d)
    }
}

/// `have` without one occurrence of each of `remove` (`None` when one is missing).
fn remove_all(have: &[String], remove: &[String]) -> Option<Vec<String>> {
    let mut rest = have.to_vec();
    for s in remove {
        let i = rest.iter().position(|x| x == s)?;
        rest.remove(i);
    }
    Some(rest)
}

impl From<usize> for Dim {
    fn from(n: usize) -> Dim {
        Dim::fixed(n)
    }
}

/// A static shape as dims.
pub fn fixed_dims(dims: impl AsRef<[usize]>) -> Vec<Dim> {
    dims.as_ref().iter().map(|&d| Dim::fixed(d)).collect()
}

/// A shape's sizes when none is symbolic.
pub fn static_of(dims: &[Dim]) -> Option<Vec<usize>> {
    dims.iter().map(Dim::as_fixed).collect()
}

impl std::ops::Add for &Dim {
    type Output = Dim;
    fn add(self, o: &Dim) -> Dim {
        Dim::from_terms(self.terms.iter().chain(&o.terms).cloned().collect())
    }
}

impl std::ops::Sub for &Dim {
    type Output = Dim;
    fn sub(self, o: &Dim) -> Dim {
        let neg = o.terms.iter().map(|t| Term { syms: t.syms.clone(), coef: t.coef.saturating_neg() });
        Dim::from_terms(self.terms.iter().cloned().chain(neg).collect())
    }
}

impl std::ops::Mul for &Dim {
    type Output = Dim;
    fn mul(self, o: &Dim) -> Dim {
        let mut terms = Vec::with_capacity(self.terms.len() * o.terms.len());
        for a in &self.terms {
            for b in &o.terms {
                let mut syms = a.syms.clone();
                syms.extend(b.syms.iter().cloned());
                terms.push(Term { syms, coef: a.coef.saturating_mul(b.coef) });
            }
        }
        Dim::from_terms(terms)
    }
}

/// Debug prints the expression too: IR text stays readable (`Reshape { shape: [batch, 64] }`).
impl fmt::Debug for Dim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Dim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.terms.is_empty() {
            return write!(f, "0");
        }
        // Symbolic terms first, the constant last: `2*batch*seq+3`.
        let mut order: Vec<&Term> = self.terms.iter().filter(|t| !t.syms.is_empty()).collect();
        order.extend(self.terms.iter().filter(|t| t.syms.is_empty()));
        for (i, t) in order.iter().enumerate() {
            let (sign, mag) = if t.coef < 0 { ("-", t.coef.unsigned_abs()) } else { ("+", t.coef as u64) };
            if i > 0 || sign == "-" {
                write!(f, "{sign}")?;
            }
            if t.syms.is_empty() {
                write!(f, "{mag}")?;
                continue;
            }
            if mag != 1 {
                write!(f, "{mag}*")?;
            }
            write!(f, "{}", t.syms.join("*"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(n: &str) -> Dim {
        Dim::sym(n)
    }

    #[test]
    fn arithmetic_normalises() {
        let bs = &s("batch") * &s("seq");
        let e = &(&bs * &Dim::int(256)) + &Dim::int(3);
        assert_eq!(e.to_string(), "256*batch*seq+3");
        assert_eq!((&e - &e).as_int(), Some(0));
        assert_eq!((&s("seq") - &Dim::int(1)).to_string(), "seq-1");
        assert_eq!(&s("a") * &s("b"), &s("b") * &s("a"));
        assert_eq!(Dim::fixed(7).as_fixed(), Some(7));
        assert_eq!(Dim::int(-1).as_fixed(), None);
    }

    #[test]
    fn exact_division() {
        let bs = &s("batch") * &s("seq");
        let n = &bs * &Dim::int(256);
        assert_eq!(n.div_exact(&Dim::int(256)), Some(bs.clone()));
        assert_eq!(n.div_exact(&(&s("seq") * &Dim::int(64))), Some(&s("batch") * &Dim::int(4)));
        assert_eq!(n.div_exact(&Dim::int(3)), None);
        assert_eq!(s("seq").div_exact(&s("batch")), None);
        let sum = &s("a") + &s("b");
        assert_eq!((&sum * &Dim::int(2)).div_exact(&sum), Some(Dim::int(2)));
    }

    #[test]
    fn evaluation_and_monotonicity() {
        let e = &(&s("seq") * &s("seq")) - &Dim::int(1);
        let v = e.eval(&|n| (n == "seq").then_some(5));
        assert_eq!(v, Some(24));
        assert!(e.is_monotone());
        assert_eq!(e.at_ones(), 0);
        assert!(!(&Dim::int(512) - &s("seq")).is_monotone());
        assert_eq!(e.eval(&|_| None), None);
    }
}
