"""Stage 4: writers turn the model into bytes; only `atomic` touches the output folder."""
