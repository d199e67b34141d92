// GatherND: y[b, t, s] = data[b, tuple(b, t)..., s] for index tuples of length {{ q }} on
// the last axis of `indices`; one thread per output element. Out-of-range tuples read zero.
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
    RONN_GUARD({{ n }});
    const long long s = i % {{ slice }}LL;
    const long long bt = i / {{ slice }}LL;
    const long long* tuple = {{ indices }} + bt * {{ q }}LL;
    long long off = (bt / {{ per_batch }}LL) * {{ block }}LL + s;
    int inside = 1;
{% for d in dims %}    { long long at = tuple[{{ loop.index0 }}]; if (at < 0) at += {{ d.0 }}; inside = inside && at >= 0 && at < {{ d.0 }}; off += at * {{ d.1 }}LL; }
{% endfor %}    {{ out }}[i] = inside ? {{ x }}[off] : ({{ ty }})0;
}
