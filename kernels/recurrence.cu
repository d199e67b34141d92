// One time step of an LSTM or GRU layer (runtime-min's kernels/recurrent.rs), launched once
// per step with `param` = the step; one thread per (batch, hidden unit). The hidden (and cell)
// state alternate between two buffers in scratch so a step reads the previous state whole
// while it writes the next one.
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
    RONN_GUARD({{ bh }});
    const long long b = i / {{ hidden }}LL, j = i % {{ hidden }}LL;
    const long long t = {% if reverse %}{{ seq }}LL - 1 - param{% else %}param{% endif %};
    float* hbuf = {{ scratch }};
    const float* h = param == 0 ? {{ h0 }} : hbuf + (param % 2) * {{ bh }}LL;
    const float* hb = h + b * {{ hidden }}LL;
    const float* xt = {{ xw }} + (t * {{ batch }}LL + b) * {{ gh }}LL;
    const float* rt = {{ rt }};
    float acc[{{ gates }}];
    for (int g = 0; g < {{ gates }}; ++g) {
        float dot = 0.0f;
        for (long long k = 0; k < {{ hidden }}; ++k) dot += hb[k] * rt[k * {{ gh }}LL + g * {{ hidden }}LL + j];
        acc[g] = dot;
    }
{% if lstm %}    float* cbuf = hbuf + 2 * {{ bh }}LL;
    const float c_prev = param == 0 ? {{ extra }}[i] : cbuf[(param % 2) * {{ bh }}LL + i];
    const float gi = ronn_sigmoid(xt[j] + acc[0]);
    const float go = ronn_sigmoid(xt[{{ hidden }}LL + j] + acc[1]);
    const float gf = ronn_sigmoid(xt[2 * {{ hidden }}LL + j] + acc[2]);
    const float cand = tanhf(xt[3 * {{ hidden }}LL + j] + acc[3]);
    const float c_new = gf * c_prev + gi * cand;
    const float h_new = go * tanhf(c_new);
    cbuf[((param + 1) % 2) * {{ bh }}LL + i] = c_new;
    hbuf[((param + 1) % 2) * {{ bh }}LL + i] = h_new;
    {{ out }}[t * {{ bh }}LL + i] = {% if cell_output %}c_new{% else %}h_new{% endif %};
{% else %}    const float z = ronn_sigmoid(xt[j] + acc[0]);
    const float r = ronn_sigmoid(xt[{{ hidden }}LL + j] + acc[1]);
    const float lin = acc[2] + {{ extra }}[j];
    const float cand = tanhf(xt[2 * {{ hidden }}LL + j] + r * lin);
    const float h_new = cand + z * (hb[j] - cand);
    hbuf[((param + 1) % 2) * {{ bh }}LL + i] = h_new;
    {{ out }}[t * {{ bh }}LL + i] = h_new;
{% endif %}}
