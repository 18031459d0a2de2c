<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/login.py" line="149" />
        <source>首次登录：请修改密码</source>
        <translation>First login: please change your password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="154" />
        <source>密码至少 8 位，须同时包含字母和数字</source>
        <translation>At least 8 characters, with both letters and digits</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="162" />
        <source>新密码：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="163" />
        <source>再输一次：</source>
        <translation>Repeat:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="174" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="67" />
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="70" />
        <source>一窗通 · 登录</source>
        <translation>OneWindow · Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="71" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="72" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="73" />
        <source>演示环境 — 演示账户密码均为 demo</source>
        <translation>DEMO — every demo account's password is demo</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74" />
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74" />
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74" />
        <source>语言 Language：</source>
        <translation>Language 语言:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="103" />
        <source>请输入用户名和密码</source>
        <translation>Enter your user name and password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="106" />
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="114" />
        <source>首次登录必须修改密码</source>
        <translation>You must change your password at first login</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="42" />
        <source>一窗通 OneWindow</source>
        <translation>OneWindow 一窗通</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="48" />
        <source>演示环境 — 数据仅供演示，不具法律效力</source>
        <translation>DEMO — data for demonstration only, no legal effect</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="72" />
        <source>未登录</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="75" />
        <source>{who} · 窗口 {window} · 数据库：{db} · 事项清单：{version} · 同步：未启用</source>
        <translation>{who} · Window {window} · Database: {db} · Catalog: {version} · Sync: off</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="93" />
        <source>综合受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="94" />
        <source>审批队列</source>
        <translation>Review queue</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="95" />
        <source>统一出件</source>
        <translation>Issuing</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="96" />
        <source>打印中心</source>
        <translation>Print station</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="97" />
        <source>办件查询</source>
        <translation>Case search</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="98" />
        <source>证照验证</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="106" />
        <source>该角色的工作台（系统管理、审计日志、监管核查）将在后续版本提供。</source>
        <translation>This role's workbench (administration, audit log, inspections) comes in a later version.</translation>
    </message>
</context>
<context>
    <name>RatingPad</name>
    <message>
        <location filename="../../ui/rating_pad.py" line="19" />
        <source>请对本次服务进行评价</source>
        <translation>Please rate our service</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="21" />
        <source>办件 {number}
请您对本次服务进行评价</source>
        <translation>Case {number}
Please rate our service</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="25" />
        <source>请告诉我们哪里做得不好（不满意时必填）</source>
        <translation>Tell us what went wrong (required when dissatisfied)</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="28" />
        <source>提交评价</source>
        <translation>Submit rating</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="34" />
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="35" />
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="36" />
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="37" />
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="38" />
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="64" />
        <source>您选择了“{level}”，请填写原因后提交</source>
        <translation>You chose “{level}”: please say why, then submit</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="73" />
        <source>请填写不满意的原因，我们会在 15 个工作日内整改并回访</source>
        <translation>Please tell us why; we will put it right within 15 working days and call you back</translation>
    </message>
</context>
</TS>