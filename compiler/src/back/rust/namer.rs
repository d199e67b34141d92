//! Turns names from the model into Rust identifiers. No model content ever reaches generated
//! source except through here (identifiers) or as escaped string literals (`quote`'s `Literal`).

use std::collections::HashSet;

const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in",
    "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super",
    "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box",
    "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen", "union", "r#",
    "_",
];

/// Names reserved by the generated module itself.
const RESERVED: &[&str] = &["model", "outputs", "rt", "weights", "arena", "blob", "run", "new", "self_"];

/// Hands out unique snake_case identifiers.
#[derive(Default)]
pub struct Namer {
    used: HashSet<String>,
}

impl Namer {
    /// A fresh identifier derived from `name`: ASCII alphanumerics kept (lowercased), everything
    /// else becomes `_`, never a keyword, never starting with a digit, unique in this namer.
    pub fn ident(&mut self, name: &str) -> String {
        let mut s = String::with_capacity(name.len());
        let mut last_us = false;
        for c in name.chars() {
            let c = if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' };
            if c == '_' && (last_us || s.is_empty()) {
                continue;
            }
            last_us = c == '_';
            s.push(c);
        }
        while s.ends_with('_') {
            s.pop();
        }
        if s.is_empty() {
            s.push('t');
        } else if s.starts_with(|c: char| c.is_ascii_digit()) {
            s.insert_str(0, "t_");
        }
        if KEYWORDS.contains(&s.as_str()) || RESERVED.contains(&s.as_str()) {
            s.push('_');
        }
        let mut candidate = s.clone();
        let mut k = 2;
        while !self.used.insert(candidate.clone()) {
            candidate = format!("{s}_{k}");
            k += 1;
        }
        candidate
    }
}

/// A module or type name: snake_case identifier rules, for `--name` and file stems.
pub fn module_name(name: &str) -> String {
    Namer::default().ident(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_become_plain_unique_identifiers() {
        let mut n = Namer::default();
        assert_eq!(n.ident("input.1"), "input_1");
        assert_eq!(n.ident("input:1"), "input_1_2");
        assert_eq!(n.ident("fn"), "fn_");
        assert_eq!(n.ident("0abc"), "t_0abc");
        assert_eq!(n.ident("\"}; panic!(); //"), "panic");
        assert_eq!(n.ident("r#type"), "r_type");
        assert_eq!(n.ident("ünï"), "n");
        assert_eq!(n.ident(""), "t");
        assert_eq!(n.ident("Self"), "self_");
        for id in ["input_1", "fn_", "panic", "t"] {
            assert!(syn::parse_str::<syn::Ident>(id).is_ok());
        }
    }
}
