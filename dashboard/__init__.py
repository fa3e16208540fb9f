"""The Streamlit dashboard's shared parts: data access (cached) and the sidebar."""
