"""Pure-Python core: no Qt import here, ever."""
