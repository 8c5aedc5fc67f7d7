"""The one exception type for input a person can fix: a bad file, folder, field or value."""


class InputError(Exception):
    """Raised for input a user can correct. The message names what was wrong and says what to do.

    The edges turn it into a message: the command line prints it and exits with code 2, the UI shows a notice.
    """
