"""Chart builders: frame in, plotly Figure out. No streamlit here, so exports reuse them."""
