
By4_default_zeroJ$Á»Q:¼»e8ÄÀ’¸u8É¶ø=/½ƒ¹ıÄ3?P¾‘@Ù:l7