"""Printed output of a conversation: the client PDF and the professional summary."""
