// Gather along one axis: the input viewed as [outer, axis, inner], the output as
// [outer, indices, inner]. Out-of-range indices read zero (the CPU kernel reports them).
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
    RONN_GUARD({{ n }});
    const long long inner = i % {{ inner }}LL;
    const long long j = (i / {{ inner }}LL) % {{ count }}LL;
    const long long outer = i / ({{ inner }}LL * {{ count }}LL);
    long long idx = (long long){{ indices }}[j];
    if (idx < 0) idx += {{ axis }};
    {{ out }}[i] = (idx < 0 || idx >= {{ axis }}) ? ({{ ty }})0 : {{ x }}[(outer * {{ axis }}LL + idx) * {{ inner }}LL + inner];
}
