class A:
	def f(self):
		# 中文注释
		变量 = 1
		return 变量
