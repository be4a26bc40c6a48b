def f(:
    x = (1,
  y = 'unterminated
