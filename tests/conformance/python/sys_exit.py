import sys
print("argv has the script:", sys.argv[0].endswith("sys_exit.py"))
print(sys.version_info[0], sys.maxsize == 9223372036854775807)
def main():
    print("exiting with 3")
    sys.exit(3)
main()
print("unreachable")
