"""The ground-truth ("oracle") pool of the session 3-11 study scripts, now `gan2shape.study.oracle_pool` and
`oracle_source` (renderings of a benchmark face itself, from views and lights drawn like the synthetic domain's, in
place of step 2's GAN projections); kept so the scripts' `from oracle import ...` still works."""
from gan2shape.study import oracle_pool, oracle_source
