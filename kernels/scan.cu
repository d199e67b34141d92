// Running sum or product along one axis (CumSum, CumProd); one thread per (outer, inner) line.
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
    RONN_GUARD({{ lines }});
    const long long base = (i / {{ inner }}LL) * {{ len }}LL * {{ inner }}LL + i % {{ inner }}LL;
    const {{ ty }}* x = {{ x }} + base;
    {{ ty }}* y = {{ out }} + base;
    {{ ty }} acc = {{ identity }};
    for (long long step = 0; step < {{ len }}; ++step) {
        const long long at = ({% if reverse %}{{ len }}LL - 1 - step{% else %}step{% endif %}) * {{ inner }}LL;
{% if exclusive %}        y[at] = acc;
        acc = acc {{ op }} x[at];
{% else %}        acc = acc {{ op }} x[at];
        y[at] = acc;
{% endif %}    }
}
