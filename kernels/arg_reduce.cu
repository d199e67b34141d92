// ArgMax / ArgMin along one axis (first or last of equal extremes); one thread per output
// element, the input viewed as [outer, axis, inner].
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
    RONN_GUARD({{ n }});
    const {{ ty }}* x = {{ x }} + (i / {{ inner }}LL) * {{ len }}LL * {{ inner }}LL + i % {{ inner }}LL;
    {{ ty }} best = x[0];
    long long at = 0;
    for (long long j = 1; j < {{ len }}; ++j) {
        const {{ ty }} v = x[j * {{ inner }}LL];
        if (v {{ better }} best) { best = v; at = j; }
    }
    {{ out }}[i] = at;
}
