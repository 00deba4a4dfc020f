"""Knowledge of the Kazakh language the toolchain needs: alphabet order, dates."""
