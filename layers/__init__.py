"""What can be shown: indicator families declared as data, and their classification."""
