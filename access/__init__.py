"""Who may change data: settings, roles, the local user file and the audit log; no streamlit here."""
