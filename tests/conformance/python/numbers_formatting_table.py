values = [0, 1, -1, 3.14159, -2.5, 1e6, 1.5e-7, 123456789, 0.1]
for v in values:
    print(f"{v!r:>14} | {v:>12.3f} | {v:>12.3e} | {v:>12g} | {str(v):>14}")
for n in [0, 7, -42, 255, 1024, 99999]:
    print(f"{n:>6d} {n:>8b} {n:>6o} {n:>6x} {n:>6X} {n:>+7d} {n:>8,d} {n:^9} {n:<6}|")
print(f"{12345.6789:,.2f} {0.000123:.2%} {-0.5:.0f} {0.5:.0f} {1.5:.0f} {2.675:.2f}")
print("{:e}".format(0), "{:g}".format(0.0001), "{:g}".format(0.00001), "{:.10g}".format(1/3), "{:.3}".format(1234.5))
print(format(1e21), format(1e-5), format(123.456, ".1f"), format(-0.0, ".1f"), format(5, ".2f"))
