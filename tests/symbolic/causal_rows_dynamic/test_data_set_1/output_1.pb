
BweightedJPq 	>q 	>q 	>q 	>q 	>q 	>q 	>q 	>q 	>q 	>Õk‰?Õk‰?Õk‰?Õk‰?Õk‰?Õk‰?Õk‰?Õk‰?Õk‰?Õk‰?