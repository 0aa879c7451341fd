"""Qt only: windows and widgets. Talks to the rest of the app through `app.services`."""
