"""The audit log: every state-changing action, for staff."""
