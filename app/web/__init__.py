"""The web layer: server-rendered HTML pages and their JSON twins, both fed by ``app.store.queries``."""
