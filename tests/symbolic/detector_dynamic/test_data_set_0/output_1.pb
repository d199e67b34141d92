BfeaturesJ@X¤(¾y­?µF?o
¾,u? ó	¾ìQl>‡ß>5B½@dµ‰½ŽQ›@_A1@ÅHT?ÓjR¾OiU@—g@