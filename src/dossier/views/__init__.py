"""What the pages say: labels, sentences and picker choices built from analysis frames, without streamlit.

``analysis/`` computes frames, ``charts/`` draws them, ``views/`` words them and ``ui/`` puts them on screen.
"""
