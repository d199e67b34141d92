//! A lint the compiler cannot express: no `match` on the core `Op` enum has a catch-all arm
//! (`_` or a bare binding) anywhere in ronn-compiler. Each match names every op, so a new
//! variant makes the compiler list every place that must learn it (docs/ARCHITECTURE.md,
//! "Adding an op"). Pattern checks that are about one or two ops use `if let` or `matches!`.

use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// Whether `pat` names a variant of `Op` (`Op::X`, `ir::Op::X`, `Op::X { .. }`, `Op::X(..)`,
/// or an alternative of them).
fn names_op(pat: &syn::Pat) -> bool {
    let path_is_op = |p: &syn::Path| {
        let segs: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        segs.len() >= 2 && segs[segs.len() - 2] == "Op"
    };
    match pat {
        syn::Pat::Path(p) => path_is_op(&p.path),
        syn::Pat::Struct(s) => path_is_op(&s.path),
        syn::Pat::TupleStruct(t) => path_is_op(&t.path),
        syn::Pat::Or(o) => o.cases.iter().any(names_op),
        syn::Pat::Ident(i) => i.subpat.as_ref().is_some_and(|(_, p)| names_op(p)),
        syn::Pat::Reference(r) => names_op(&r.pat),
        syn::Pat::Paren(p) => names_op(&p.pat),
        _ => false,
    }
}

/// `_` or a plain binding: an arm that takes whatever the others did not.
fn catch_all(pat: &syn::Pat) -> bool {
    match pat {
        syn::Pat::Wild(_) => true,
        syn::Pat::Ident(i) => i.subpat.is_none(),
        _ => false,
    }
}

struct Finder<'a> {
    file: &'a Path,
    found: Vec<String>,
}

/// `#[cfg(test)]`: tests may match one op and fail on any other.
fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs
        .iter()
        .any(|a| a.path().is_ident("cfg") && quote::ToTokens::to_token_stream(&a.meta).to_string().contains("test"))
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if !is_test(&m.attrs) {
            syn::visit::visit_item_mod(self, m);
        }
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        if !is_test(&f.attrs) {
            syn::visit::visit_item_fn(self, f);
        }
    }

    fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
        if m.arms.iter().any(|a| names_op(&a.pat)) {
            for arm in m.arms.iter().filter(|a| catch_all(&a.pat)) {
                let pat = quote::ToTokens::to_token_stream(&arm.pat);
                let body = quote::ToTokens::to_token_stream(&arm.body).to_string();
                let body: String = body.chars().take(60).collect();
                self.found.push(format!("{}: `{pat} => {body}`", self.file.display()));
            }
        }
        syn::visit::visit_expr_match(self, m);
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read compiler/src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            // Test folders (declared `#[cfg(test)] mod tests;`) are test code.
            if path.file_name().is_some_and(|n| n != "tests") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_match_on_op_has_a_catch_all_arm() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "found only {} source files under {}", files.len(), src.display());
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read source");
        let ast = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut finder = Finder { file, found: Vec::new() };
        finder.visit_file(&ast);
        found.extend(finder.found);
    }
    assert!(found.is_empty(), "catch-all arms on Op (name every op instead):\n{}", found.join("\n"));
}

/// The lint itself: it sees the catch-alls it must and leaves other matches alone.
#[test]
fn the_lint_finds_catch_alls_on_op_only() {
    let count = |code: &str| {
        let ast = syn::parse_file(code).expect("test code parses");
        let mut finder = Finder { file: Path::new("t.rs"), found: Vec::new() };
        finder.visit_file(&ast);
        finder.found.len()
    };
    assert_eq!(count("fn f(op: &Op) -> u8 { match op { Op::MatMul => 1, _ => 0 } }"), 1);
    assert_eq!(count("fn f(op: &Op) -> u8 { match op { ir::Op::Conv { .. } => 1, other => 0 } }"), 1);
    assert_eq!(count("fn f(op: &Op) -> u8 { match op { Op::MatMul => 1, x @ (Op::Det | Op::Where) => 0 } }"), 0);
    assert_eq!(count("fn f(d: DType) -> u8 { match d { DType::F32 => 1, _ => 0 } }"), 0);
    assert_eq!(count("fn f(op: &Op) -> u8 { if let Op::MatMul = op { 1 } else { 0 } }"), 0);
    assert_eq!(count("#[cfg(test)] mod tests { fn f(op: &Op) -> u8 { match op { Op::MatMul => 1, _ => 0 } } }"), 0);
}
