//! Dimensions as integer polynomials over named symbols: `2*batch*seq + 3`. A fixed size is the
//! constant case. Exporters' shape arithmetic needs `+`, `-`, `*` and exact division (the `-1`
//! of a Reshape), which polynomials keep exact. Sliding windows need floor division by a
//! constant (`floor((height-1)/2)+1`, a strided convolution's output): where it is not exact,
//! the quotient becomes an atom of its own ([`Atom::Floor`]) that terms multiply like a
//! symbol. Anything else (`min`, division by a symbol) is refused by the op that needs it, with
//! a message naming the expression.
//!
//! Symbols stand for sizes of at least 1 given at run time. A floor's dividend keeps a
//! constant in `0..divisor` (the rest leaves the floor), so a monotone dividend is never
//! negative. A dim whose non-constant terms all have positive coefficients, and whose floors'
//! dividends do too, grows with every symbol ([`Dim::is_monotone`]): planned at the symbols'
//! bounds, it never needs more memory at smaller sizes. Such a dim may still be negative at
//! small sizes (`h-2`, a 3x3 window over too small an input); generated `run` refuses those
//! sizes before computing anything.

use std::collections::BTreeSet;
use std::fmt;

/// One factor of a term.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Atom {
    /// A named symbol: a size given at run time.
    Sym(String),
    /// `floor(dividend / divisor)` where that is not a polynomial; the divisor is at least 2
    /// and the dividend has no constant term of divisor or more (normalised out of it).
    /// With divisor 1 it is a dim that `run` checks to be at least 0 ([`Dim::nonnegative`]).
    Floor(Box<Dim>, i64),
}

/// One term: a coefficient times a product of atoms (sorted; repeats are powers).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Term {
    syms: Vec<Atom>,
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
        Dim::atom(Atom::Sym(name.to_string()))
    }

    fn atom(a: Atom) -> Dim {
        Dim::from_terms(vec![Term { syms: vec![a], coef: 1 }])
    }

    /// `floor(self / k)` for `k >= 1` (`None` otherwise). Terms whose coefficients `k` divides
    /// leave the floor, and so does the constant's quotient: `floor((2*h+5)/2)` is `h+2`,
    /// `floor((h+5)/2)` is `floor((h+1)/2)+2`, so equal quotients compare equal.
    pub fn floor_div(&self, k: i64) -> Option<Dim> {
        if k < 1 {
            return None;
        }
        let mut whole = Vec::new();
        let mut rest = Vec::new();
        for t in &self.terms {
            if t.syms.is_empty() {
                whole.push(Term { syms: Vec::new(), coef: t.coef.div_euclid(k) });
                rest.push(Term { syms: Vec::new(), coef: t.coef.rem_euclid(k) });
            } else if t.coef % k == 0 {
                whole.push(Term { syms: t.syms.clone(), coef: t.coef / k });
            } else {
                rest.push(t.clone());
            }
        }
        let rest = Dim::from_terms(rest);
        let whole = Dim::from_terms(whole);
        // What is left is a constant below k (quotient 0) or a true floor.
        if rest.is_fixed() {
            return Some(whole);
        }
        Some(&whole + &Dim::atom(Atom::Floor(Box::new(rest), k)))
    }

    /// A size that must be at least 0 for the inputs to be valid (a window's room over its
    /// input, `height-3`). Where it could be negative at small sizes it becomes an atom of its
    /// own, which `run` checks ([`Dim::checked`]) and which counts from 0, so the sizes computed
    /// from it (`(height-3)+1`, products of several) stay monotone.
    pub fn nonnegative(room: Dim) -> Dim {
        if room.at_ones() >= 0 {
            return room;
        }
        Dim::atom(Atom::Floor(Box::new(room), 1))
    }

    /// The dims that `run` must check to be at least 0 ([`Dim::nonnegative`]), innermost first.
    pub fn checked(&self) -> Vec<&Dim> {
        let mut out = Vec::new();
        for a in self.terms.iter().flat_map(|t| &t.syms) {
            if let Atom::Floor(inner, k) = a {
                for d in inner.checked() {
                    if !out.contains(&d) {
                        out.push(d);
                    }
                }
                if *k == 1 && !out.contains(&&**inner) {
                    out.push(&**inner);
                }
            }
        }
        out
    }

    /// `ceil(self / k)` for `k >= 1`.
    pub fn ceil_div(&self, k: i64) -> Option<Dim> {
        (self + &Dim::int(k - 1)).floor_div(k)
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
        let mut out = BTreeSet::new();
        for a in self.terms.iter().flat_map(|t| &t.syms) {
            match a {
                Atom::Sym(s) => {
                    out.insert(s.as_str());
                }
                Atom::Floor(inner, _) => out.extend(inner.symbols()),
            }
        }
        out
    }

    /// True when every non-constant term has a positive coefficient and every floor's
    /// dividend is monotone too: the value grows with every symbol, so its maximum is at the
    /// symbols' bounds and its minimum no less than [`Dim::at_ones`].
    ///
    /// Each atom counts from its least value: `(a-1)*(b-1)` (two shrunk sizes multiplied,
    /// `a*b - a - b + 1`) is monotone because it is `a'*b'` with `a' = a-1 >= 0`.
    pub fn is_monotone(&self) -> bool {
        let floors_monotone = self.terms.iter().flat_map(|t| &t.syms).all(|a| match a {
            Atom::Sym(_) => true,
            Atom::Floor(inner, _) => inner.is_monotone(),
        });
        if !floors_monotone {
            return false;
        }
        if self.terms.iter().all(|t| t.syms.is_empty() || t.coef > 0) {
            return true;
        }
        // Substitute `a = a' + least(a)` and look at the signs again.
        let shifted = self.terms.iter().fold(Dim::int(0), |sum, t| {
            let product =
                t.syms.iter().fold(Dim::int(t.coef), |p, a| &p * &(&Dim::atom(a.clone()) + &Dim::int(a.least())));
            &sum + &product
        });
        shifted.terms.iter().all(|t| t.syms.is_empty() || t.coef > 0)
    }

    /// The value for given symbol values (`None` for an unknown symbol or an overflow).
    pub fn eval(&self, value_of: &dyn Fn(&str) -> Option<i64>) -> Option<i64> {
        let mut sum = 0i64;
        for t in &self.terms {
            let mut p = t.coef;
            for a in &t.syms {
                let v = match a {
                    Atom::Sym(s) => value_of(s)?,
                    Atom::Floor(inner, k) => inner.eval(value_of)?.div_euclid(*k),
                };
                p = p.checked_mul(v)?;
            }
            sum = sum.checked_add(p)?;
        }
        Some(sum)
    }

    /// The value with every symbol at 1: the minimum of a monotone dim.
    pub fn at_ones(&self) -> i64 {
        self.least_with(&|_| 1)
    }

    /// The value with every symbol at its least (`min`) and every checked room at 0 or more:
    /// the minimum of a monotone dim.
    pub fn least_with(&self, min: &dyn Fn(&str) -> i64) -> i64 {
        self.terms.iter().fold(0i64, |sum, t| {
            let p = t.syms.iter().fold(t.coef, |p, a| p.saturating_mul(a.least_with(min)));
            sum.saturating_add(p)
        })
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

    /// The terms as (coefficient, atoms), constant first: for code generation.
    pub fn terms(&self) -> impl Iterator<Item = (i64, &[Atom])> {
        self.terms.iter().map(|t| (t.coef, t.syms.as_slice()))
    }

    /// The product of dims (a shape's element count).
    pub fn product<'a>(dims: impl IntoIterator<Item = &'a Dim>) -> Dim {
        dims.into_iter().fold(Dim::int(1), |a, d| &a * d)
    }
}

/// `have` without one occurrence of each of `remove` (`None` when one is missing).
fn remove_all(have: &[Atom], remove: &[Atom]) -> Option<Vec<Atom>> {
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
            for (k, a) in t.syms.iter().enumerate() {
                if k > 0 {
                    write!(f, "*")?;
                }
                write!(f, "{a}")?;
            }
        }
        Ok(())
    }
}

impl Atom {
    /// The value with every symbol at 1: a symbol's least, and a floor's where its dividend
    /// is monotone.
    fn least(&self) -> i64 {
        self.least_with(&|_| 1)
    }

    /// [`Atom::least`] with each symbol at `min`.
    fn least_with(&self, min: &dyn Fn(&str) -> i64) -> i64 {
        match self {
            Atom::Sym(s) => min(s),
            Atom::Floor(inner, 1) => inner.least_with(min).max(0),
            Atom::Floor(inner, k) => inner.least_with(min).div_euclid(*k),
        }
    }
}

impl fmt::Display for Atom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Atom::Sym(s) => write!(f, "{s}"),
            Atom::Floor(inner, 1) => write!(f, "({inner})"),
            Atom::Floor(inner, k) => write!(f, "floor(({inner})/{k})"),
        }
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
    fn floor_division_keeps_what_is_exact_and_names_the_rest() {
        let h = s("h");
        // A stride-2 window: floor((h + 2*1 - 3) / 2) + 1.
        let out = &(&h - &Dim::int(1)).floor_div(2).unwrap() + &Dim::int(1);
        assert_eq!(out.to_string(), "floor((h+1)/2)");
        for v in 1..9 {
            assert_eq!(out.eval(&|_| Some(v)), Some((v - 1).div_euclid(2) + 1), "h = {v}");
        }
        // Exact quotients stay polynomials; equal quotients are equal.
        assert_eq!((&(&h * &Dim::int(4)) + &Dim::int(6)).floor_div(2), Some(&(&h * &Dim::int(2)) + &Dim::int(3)));
        assert_eq!((&h + &Dim::int(5)).floor_div(2), Some(&(&h + &Dim::int(1)).floor_div(2).unwrap() + &Dim::int(2)));
        assert_eq!(Dim::int(7).floor_div(2), Some(Dim::int(3)));
        assert_eq!(h.floor_div(0), None);
        assert_eq!(h.ceil_div(2).unwrap().eval(&|_| Some(5)), Some(3));
        // Nested floors: the symbols inside are seen, and values follow both floors.
        let twice = (&out - &Dim::int(1)).floor_div(2).unwrap();
        assert_eq!(twice.symbols().into_iter().collect::<Vec<_>>(), ["h"]);
        assert_eq!(twice.eval(&|_| Some(9)), Some(2));
        assert!(twice.is_monotone());
        assert!(!(&Dim::int(9) - &h).floor_div(2).unwrap().is_monotone());
        // Shrunk sizes multiplied: a*b - a - b + 1 grows with a and b from a = b = 1 on.
        let (a, b) = (&out - &Dim::int(1), &s("w") - &Dim::int(1));
        let area = &a * &b;
        assert!(area.is_monotone() && area.at_ones() == 0, "{area}");
        assert!(!(&Dim::int(4) - &(&h * &s("w"))).is_monotone());
        // Too small an input: the minimum is negative, and says so.
        assert_eq!((&(&h - &Dim::int(5)).floor_div(2).unwrap() + &Dim::int(1)).at_ones(), -1);
    }

    #[test]
    fn rooms_that_can_be_negative_are_checked_atoms() {
        let h = s("h");
        // A 3-tap window without padding: room h-3, which run checks; sizes from it are
        // monotone from 0 on, even multiplied.
        let room = Dim::nonnegative(&h - &Dim::int(3));
        let out = &room + &Dim::int(1);
        assert_eq!(out.to_string(), "(h-3)+1");
        assert_eq!(out.eval(&|_| Some(7)), Some(5));
        assert_eq!(out.at_ones(), 1);
        let area = &(&out - &Dim::int(1)) * &(&out - &Dim::int(1));
        assert!(area.is_monotone());
        assert_eq!(area.checked(), vec![&(&h - &Dim::int(3))]);
        // Nested: the inner room first.
        let inner = Dim::nonnegative(&out - &Dim::int(3));
        assert_eq!(inner.checked(), vec![&(&h - &Dim::int(3)), &(&out - &Dim::int(3))]);
        // A room that cannot be negative stays a polynomial, and needs no check.
        assert_eq!(Dim::nonnegative(&h - &Dim::int(1)), &h - &Dim::int(1));
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
