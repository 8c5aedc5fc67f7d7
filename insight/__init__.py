"""Pure analysis and plain-language sentences over a loaded dataset: ranks, peers, change, facts."""
