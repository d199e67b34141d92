//! One node's block of `run`: its operands bound as typed slices of the arena (disjoint
//! regions, or one shared region where a value and its view overlap), then its kernel call.

use super::*;

pub(super) fn cast_fn(d: DType, mutable: bool) -> TokenStream {
    match (d, mutable) {
        (DType::Bool, false) => quote!(rt::cast_bool),
        (DType::Bool, true) => quote!(rt::cast_bool_mut),
        (_, false) => quote!(rt::cast),
        (_, true) => quote!(rt::cast_mut),
    }
}

/// One node: bind its operands to typed slices, then call its kernel.
pub(super) fn node_tokens(
    g: &Graph,
    plan: &Plan,
    n: crate::ir::NodeId,
    inputs: &[Io],
    sym: &DimIdents,
) -> Result<TokenStream, Error> {
    let node = g.node(n);
    let emit_err = |m: String| Error::Emit(format!("node `{}`: {m}", node.name));
    // Arena regions this node touches, each once.
    let mut regions: Vec<(ValueId, usize, TokenStream)> = Vec::new();
    let mut region_of: HashMap<ValueId, usize> = HashMap::new();
    let mut binds = Vec::new();
    let operand = |v: ValueId, ident: proc_macro2::Ident| -> Result<Operand, Error> {
        let val = g.value(v);
        Ok(Operand { ident, dims: val.ty.shape.clone(), dtype: val.ty.dtype, packing: plan.prepacked.get(&v).copied() })
    };
    let mut xs = Vec::new();
    // Inputs that are views of one block may overlap: they share one region spanning their
    // planned bytes and each reads its part (`shared`: value -> byte offset in the region).
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut shared: HashMap<ValueId, usize> = HashMap::new();
    let byte_len = |v: ValueId| {
        let ty = &g.value(v).ty;
        sym.dim(&(&ty.numel_dim() * &Dim::fixed(ty.dtype.size()))).map_err(emit_err)
    };
    for (k, &v) in node.inputs.iter().chain(&node.outputs).enumerate() {
        let Some(Loc::Arena { offset, len: planned }) = plan.loc(v) else { continue };
        if region_of.contains_key(&v) {
            continue;
        }
        let is_input = k < node.inputs.len();
        let overlapping = spans.iter().position(|&(o, e)| is_input && offset < e && o < offset + planned);
        if let Some(r) = overlapping {
            let (o, e) = (spans[r].0.min(offset), spans[r].1.max(offset + planned));
            spans[r] = (o, e);
            regions[r].1 = o;
            regions[r].2 = lit(e - o).into_token_stream();
            region_of.insert(v, r);
            shared.insert(v, 0);
            shared.insert(regions[r].0, 0);
            continue;
        }
        // The region's length is the value's size now (at most the planned size).
        region_of.insert(v, regions.len());
        regions.push((v, offset, byte_len(v)?));
        spans.push((offset, if is_input { offset + planned } else { 0 }));
    }
    for (&v, at) in shared.iter_mut() {
        if let Some(Loc::Arena { offset, .. }) = plan.loc(v) {
            *at = offset - regions[region_of[&v]].1;
        }
    }
    let scratch = plan.scratch.get(&n).copied();
    let region_idents: Vec<proc_macro2::Ident> = (0..regions.len()).map(|i| format_ident!("r{i}")).collect();
    let mut bound: HashMap<ValueId, proc_macro2::Ident> = HashMap::new();
    for &v in &node.inputs {
        if let Some(id) = bound.get(&v) {
            xs.push(operand(v, id.clone())?);
            continue;
        }
        let id = format_ident!("v{}", v.index());
        let ty = ty_tokens(g.value(v).ty.dtype);
        let src = match plan.loc(v) {
            Some(Loc::Input(i)) => {
                let input = &inputs.get(i).ok_or_else(|| emit_err("unknown input".into()))?.ident;
                quote!(#input.data)
            }
            Some(Loc::Weight { offset, len }) => {
                let (o, l, c) = (lit(offset), lit(len), cast_fn(g.value(v).ty.dtype, false));
                quote!(#c(weights.get(#o, #l)?)?)
            }
            Some(Loc::Arena { .. }) => {
                let r = &region_idents[region_of[&v]];
                let c = cast_fn(g.value(v).ty.dtype, false);
                match shared.get(&v) {
                    Some(&at) => {
                        let (at, len) = (lit(at), byte_len(v)?);
                        quote!(#c(&#r[#at..#at + #len])?)
                    }
                    None => quote!(#c(&*#r)?),
                }
            }
            None => return Err(emit_err(format!("value `{}` has no location", g.value(v).name))),
        };
        binds.push(quote!(let #id: &[#ty] = #src;));
        bound.insert(v, id.clone());
        xs.push(operand(v, id)?);
    }
    let out = *node.outputs.first().ok_or_else(|| emit_err("no outputs".into()))?;
    let y_id = format_ident!("v{}", out.index());
    let y_ty = ty_tokens(g.value(out).ty.dtype);
    let y_region = &region_idents[*region_of.get(&out).ok_or_else(|| emit_err("output not in the arena".into()))?];
    let y_cast = cast_fn(g.value(out).ty.dtype, true);
    binds.push(quote!(let #y_id: &mut [#y_ty] = #y_cast(#y_region)?;));
    let y = operand(out, y_id)?;
    let mut ranges: Vec<TokenStream> = regions
        .iter()
        .map(|(_, o, l)| {
            let o = lit(*o);
            quote!((#o, #l))
        })
        .collect();
    let mut idents = region_idents.clone();
    let scratch_ident = format_ident!("scratch");
    if let Some(Loc::Arena { offset, len }) = scratch {
        let (o, l) = (lit(offset), lit(len));
        ranges.push(quote!((#o, #l)));
        idents.push(format_ident!("rs"));
        let ty = ty_tokens(g.value(node.inputs[0]).ty.dtype);
        binds.push(quote!(let #scratch_ident: &mut [#ty] = rt::cast_mut(rs)?;));
    }
    let call =
        ops::lower(&node.op, &xs, &y, scratch.map(|_| &scratch_ident), sym).map_err(|e| emit_err(e.to_string()))?;
    let comment = format!("{NODE_MARK}{} ({})", printable(&node.name), node.op.kind());
    Ok(quote! {
        #[doc = #comment]
        {
            let [#(#idents),*] = arena.split([#(#ranges),*])?;
            #(#binds)*
            #call
        }
    })
}
