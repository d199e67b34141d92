
BprobabilitiesJ(LЙ>\>█╪v>ж─>убt=К▌=∙┬=6О=КЁВ<mD╝=