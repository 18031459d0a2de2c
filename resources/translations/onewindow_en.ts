<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CaseSearchScreen</name>
    <message>
        <location filename="../../ui/case_search.py" line="40" />
        <source>统一社会信用代码、名称、办件编号或证照编号，回车查询</source>
        <translation>USCC, name, case number or licence number, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="48" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="48" />
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="48" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="48" />
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="48" />
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="61" />
        <source>查询：</source>
        <translation>Search:</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="78" />
        <source>找到 {count} 个办件</source>
        <translation>{count} case(s) found</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="80" />
        <source>没有找到符合条件的办件</source>
        <translation>No case matches</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="93" />
        <source>　帮办代办：{staff}</source>
        <translation>　Assisted by: {staff}</translation>
    </message>
    <message>
        <location filename="../../ui/case_search.py" line="95" />
        <source>{number}　{name}（{uscc}）　状态：{status}　首问责任人：{responder}</source>
        <translation>{number}　{name} ({uscc})　Status: {status}　First responder: {responder}</translation>
    </message>
</context>
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
    <name>IssuingScreen</name>
    <message>
        <location filename="../../ui/issuing_screen.py" line="39" />
        <source>请选择待出件的办件</source>
        <translation>Choose a case to issue</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="41" />
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="44" />
        <source>出件 (Ctrl+Enter)</source>
        <translation>Issue (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="52" />
        <source>待出件（全部事项已办结）：</source>
        <translation>Ready to issue (every item decided):</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="70" />
        <source>待出件 {count} 件</source>
        <translation>{count} case(s) ready to issue</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="92" />
        <source>请向申请人说明：以下事项不予许可——{matters}；其余事项照常出件。</source>
        <translation>Tell the applicant: not granted — {matters}; everything else is issued as usual.</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="99" />
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="112" />
        <source>已出件：{count} 份证照</source>
        <translation>Issued: {count} document(s)</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="113" />
        <source>，行业综合许可证 {number}</source>
        <translation>, industry licence {number}</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="116" />
        <source>签收</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../ui/issuing_screen.py" line="116" />
        <source>领取人姓名：</source>
        <translation>Received by (name):</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="39" />
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="46" />
        <source>长时间未操作，屏幕已锁定。请 {user} 输入密码解锁。</source>
        <translation>Locked after a period without activity. {user}, enter your password to unlock.</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="52" />
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="72" />
        <source>解锁失败</source>
        <translation>Unlock failed</translation>
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
        <location filename="../../ui/app.py" line="94" />
        <source>综合受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="98" />
        <source>审批队列</source>
        <translation>Review queue</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="102" />
        <source>统一出件</source>
        <translation>Issuing</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="106" />
        <source>打印中心</source>
        <translation>Print station</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="110" />
        <source>办件查询</source>
        <translation>Case search</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="114" />
        <source>证照验证</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="134" />
        <source>该角色的工作台（系统管理、审计日志、监管核查）将在后续版本提供。</source>
        <translation>This role's workbench (administration, audit log, inspections) comes in a later version.</translation>
    </message>
</context>
<context>
    <name>PrintStation</name>
    <message>
        <location filename="../../ui/print_station.py" line="53" />
        <source>办件编号，回车载入</source>
        <translation>Case number, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="60" />
        <source>打印所选 (Ctrl+P)</source>
        <translation>Print selected (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="63" />
        <source>作废重出…</source>
        <translation>Void and reissue…</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="65" />
        <source>请输入办件编号</source>
        <translation>Enter a case number</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="69" />
        <source>办件：</source>
        <translation>Case:</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="71" />
        <source>待打印文书（勾选后打印）：</source>
        <translation>Documents to print (tick to print):</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="90" />
        <source>正在载入办件 {number}…</source>
        <translation>Loading case {number}…</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="107" />
        <source>办件 {number}：{count} 份文书</source>
        <translation>Case {number}: {count} document(s)</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="112" />
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="157" />
        <source>打印文书</source>
        <translation>Print documents</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="164" />
        <source>补打原因</source>
        <translation>Reason for reprint</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="164" />
        <source>“{title}”已打印过，补打请填写原因：</source>
        <translation>“{title}” was printed before; give the reason for the reprint:</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="171" />
        <source>请先勾选要打印的文书</source>
        <translation>Tick the documents to print first</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="178" />
        <source>已取消：补打需要填写原因</source>
        <translation>Cancelled: a reprint needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="183" />
        <source>已取消打印</source>
        <translation>Printing cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="185" />
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="185" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="186" />
        <source>批量打印</source>
        <translation>Batch printing</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="192" />
        <source>正在生成 {title}（{n}/{total}）</source>
        <translation>Preparing {title} ({n}/{total})</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="224" />
        <source>已打印 {count} 份文书</source>
        <translation>{count} document(s) printed</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="225" />
        <source>（已取消其余）</source>
        <translation> (the rest cancelled)</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="233" />
        <source>请先选中行业综合许可证</source>
        <translation>Select the industry licence first</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="238" />
        <source>作废重出</source>
        <translation>Void and reissue</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="239" />
        <source>作废证照 {number} 并重新出证，请填写原因：</source>
        <translation>Void licence {number} and issue a new one; reason:</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="245" />
        <source>确认作废</source>
        <translation>Confirm void</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="246" />
        <source>确定作废证照 {number}？作废后原证照扫码将显示无效。</source>
        <translation>Void licence {number}? Scanning the old licence will then show it as invalid.</translation>
    </message>
    <message>
        <location filename="../../ui/print_station.py" line="257" />
        <source>已作废 {old}，新证照 {new}</source>
        <translation>Voided {old}; new licence {new}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/review_queue.py" line="139" />
        <source>办件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="140" />
        <source>市场主体</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="141" />
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="142" />
        <source>改革方式</source>
        <translation>Reform mode</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="143" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="144" />
        <source>办理时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="145" />
        <source>剩余工作日</source>
        <translation>Working days left</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="304" />
        <source>（暂定：该年度节假日安排未公布，日历更新后重新计算）</source>
        <translation> (provisional: that year's holidays are not yet published; recomputed when they are)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="306" />
        <source>办理时限：{due}</source>
        <translation>Time limit: {due}</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="310" />
        <source>已超期 {days} 个工作日</source>
        <translation>Overdue by {days} working days</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="312" />
        <source>即将到期：剩余 {days} 个工作日</source>
        <translation>Due soon: {days} working days left</translation>
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
        <location filename="../../ui/rating_pad.py" line="22" />
        <source>办件 {number}
请您对本次服务进行评价</source>
        <translation>Case {number}
Please rate our service</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="27" />
        <source>请告诉我们哪里做得不好（不满意时必填）</source>
        <translation>Tell us what went wrong (required when dissatisfied)</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="30" />
        <source>提交评价</source>
        <translation>Submit rating</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="36" />
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="37" />
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="38" />
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="39" />
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="40" />
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="67" />
        <source>您选择了“{level}”，请填写原因后提交</source>
        <translation>You chose “{level}”: please say why, then submit</translation>
    </message>
    <message>
        <location filename="../../ui/rating_pad.py" line="77" />
        <source>请填写不满意的原因，我们会在 15 个工作日内整改并回访</source>
        <translation>Please tell us why; we will put it right within 15 working days and call you back</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <location filename="../../ui/review_queue.py" line="96" />
        <source>已由 {who} 认领（本人）</source>
        <translation>Claimed by {who} (you)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="97" />
        <source>已由 {who} 认领</source>
        <translation>Claimed by {who}</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="107" />
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="116" />
        <source>已超期 {days} 天</source>
        <translation>Overdue {days} days</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="118" />
        <source>{days}（即将到期）</source>
        <translation>{days} (due soon)</translation>
    </message>
</context>
<context>
    <name>ReviewQueueScreen</name>
    <message>
        <location filename="../../ui/review_queue.py" line="337" />
        <source>办件编号、市场主体名称、统一社会信用代码或事项，回车查询</source>
        <translation>Case no., business name, USCC or matter, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="347" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="356" />
        <source>按办理时限</source>
        <translation>By time limit</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="357" />
        <source>按办件编号</source>
        <translation>By case no.</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="358" />
        <source>按市场主体</source>
        <translation>By business</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="362" />
        <source>降序</source>
        <translation>Descending</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="364" />
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="403" />
        <source>认领 (Ctrl+L)</source>
        <translation>Claim (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="404" />
        <source>释放 (Ctrl+Shift+L)</source>
        <translation>Release (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="405" />
        <source>准予许可 (Ctrl+Enter)</source>
        <translation>Grant (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="406" />
        <source>不予许可… (Ctrl+D)</source>
        <translation>Deny… (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="407" />
        <source>补正… (Ctrl+B)</source>
        <translation>Supplement… (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="423" />
        <source>正在载入审批队列…</source>
        <translation>Loading the review queue…</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="429" />
        <source>查询(&amp;F)：</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="433" />
        <source>状态(&amp;S)：</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="437" />
        <source>排序(&amp;O)：</source>
        <translation>&amp;Order:</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="448" />
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="450" />
        <source>审批队列 — {who}　（红底“已超期”，黄底“即将到期”：剩余 3 个工作日以内）</source>
        <translation>Review queue — {who}　(red "overdue"; amber "due soon": 3 working days or fewer)</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="483" />
        <source>审批队列 — 帮助</source>
        <translation>Review queue — help</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="486" />
        <source>↑↓ 选择办件，回车或 Ctrl+L 认领，Ctrl+Shift+L 释放；
Ctrl+Enter 准予许可，Ctrl+D 不予许可（须填写理由并确认，不可撤销），Ctrl+B 补正（只能勾选事项清单所列材料）；
Ctrl+F 查询，F5 刷新。点击“办件编号”“市场主体”“办理时限”列标题排序。
红底“已超期”：已超过办理时限；黄底“即将到期”：剩余 3 个工作日以内。</source>
        <translation>↑↓ choose a case; Enter or Ctrl+L claims, Ctrl+Shift+L releases;
Ctrl+Enter grants, Ctrl+D denies (a reason and a confirmation; cannot be undone), Ctrl+B asks for a supplement (only materials on the catalog);
Ctrl+F finds, F5 refreshes. Click the case no., business or time-limit headers to sort.
Red "overdue": past the time limit; amber "due soon": 3 working days or fewer left.</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="520" />
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="555" />
        <source>没有符合条件的办件</source>
        <translation>No case matches</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="557" />
        <source>共 {total} 件，已载入 {count} 件</source>
        <translation>{total} in all, {count} loaded</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="563" />
        <source>审批队列未能载入</source>
        <translation>The review queue could not be loaded</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="591" />
        <source>未选中办件</source>
        <translation>No case selected</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="596" />
        <source>当前：{number}　{name}（{uscc}）　{matter}　{state}　办理时限 {due}　剩余工作日 {left}</source>
        <translation>Current: {number}　{name} ({uscc})　{matter}　{state}　due {due}　working days left {left}</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="617" />
        <source>已认领 {number}「{matter}」，可以办理</source>
        <translation>Claimed {number} “{matter}”: you may decide it</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="620" />
        <source>已释放 {number}「{matter}」，其他审批人员可以认领</source>
        <translation>Released {number} “{matter}”: others may claim it</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="623" />
        <source>已准予许可：{number}「{matter}」</source>
        <translation>Granted: {number} “{matter}”</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="631" />
        <source>不予许可</source>
        <translation>Deny</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="632" />
        <source>{number}「{matter}」不予许可，请填写理由（将写入不予许可决定书）：</source>
        <translation>Deny {number} “{matter}”: give the reason (it goes into the decision):</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="637" />
        <location filename="../../ui/review_queue.py" line="654" />
        <source>已取消不予许可</source>
        <translation>Denial cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="641" />
        <source>不予许可必须填写理由，未作任何处理</source>
        <translation>A denial needs a reason; nothing was done</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="646" />
        <source>确认不予许可</source>
        <translation>Confirm denial</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="647" />
        <source>确定对 {number}「{matter}」作出不予许可决定？
理由：{reason}
此决定不可撤销。</source>
        <translation>Deny {number} “{matter}”?
Reason: {reason}
This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="659" />
        <source>已不予许可：{number}「{matter}」</source>
        <translation>Denied: {number} “{matter}”</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="670" />
        <source>正在读取事项清单中的材料…</source>
        <translation>Reading the materials from the catalog…</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="690" />
        <source>已取消补正</source>
        <translation>Supplement cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="693" />
        <source>请至少勾选一项需补正的材料</source>
        <translation>Tick at least one missing material</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="698" />
        <source>已通知补正：{number}「{matter}」，缺少 {count} 项材料</source>
        <translation>Supplement requested: {number} “{matter}”, {count} material(s) missing</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="709" />
        <source>请先在队列中选中一个办件</source>
        <translation>Select a case in the queue first</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="728" />
        <source>正在办理 {number}…</source>
        <translation>Working on {number}…</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="747" />
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/review_queue.py" line="752" />
        <source>程序出现内部错误，已录入的数据不会丢失</source>
        <translation>An internal error occurred; nothing entered is lost</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../../ui/review_dialogs.py" line="49" />
        <source>补正 — {number}</source>
        <translation>Supplement — {number}</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialogs.py" line="53" />
        <source>事项“{matter}”（事项清单 {catalog}）。请勾选申请人需补正的全部材料，一次性告知；清单以外的材料不得要求提交。</source>
        <translation>Matter “{matter}” (catalog {catalog}). Tick every material the applicant must still provide, all at once; nothing outside the catalog may be required.</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialogs.py" line="63" />
        <source>（{copies} 份）</source>
        <translation> ({copies} copies)</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialogs.py" line="65" />
        <source>　［受理时已收］</source>
        <translation>　[received at intake]</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialogs.py" line="77" />
        <source>出具补正通知</source>
        <translation>Issue the supplement notice</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialogs.py" line="78" />
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialogs.py" line="111" />
        <source>已勾选 {count} 项材料</source>
        <translation>{count} material(s) ticked</translation>
    </message>
    <message>
        <location filename="../../ui/review_dialogs.py" line="113" />
        <source>请至少勾选一项需补正的材料（空格键勾选）</source>
        <translation>Tick at least one missing material (Space ticks)</translation>
    </message>
</context>
<context>
    <name>VerifyScreen</name>
    <message>
        <location filename="../../ui/verify_screen.py" line="42" />
        <source>请用扫码枪扫描证照二维码（或粘贴二维码内容后按回车）</source>
        <translation>Scan the licence QR code (or paste its text and press Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="45" />
        <source>从图片验证…</source>
        <translation>Verify from an image…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="47" />
        <source>等待扫码</source>
        <translation>Waiting for a scan</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="55" />
        <source>许可事项</source>
        <translation>Permit</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="55" />
        <source>事项编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="55" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="55" />
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="67" />
        <source>二维码内容：</source>
        <translation>QR text:</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="90" />
        <source>选择含二维码的图片</source>
        <translation>Choose an image with a QR code</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="90" />
        <source>图片 (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="99" />
        <source>正在验证…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="105" />
        <source>验证未完成</source>
        <translation>Verification not done</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="121" />
        <source>证照编号：{number}　发证日期：{issued}　发证机关：{authority}</source>
        <translation>Licence {number}　issued {issued}　by {authority}</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="126" />
        <source>市场主体：{name}　统一社会信用代码：{uscc}</source>
        <translation>Business: {name}　USCC: {uscc}</translation>
    </message>
    <message>
        <location filename="../../ui/verify_screen.py" line="137" />
        <source>长期</source>
        <translation>No expiry</translation>
    </message>
</context>
</TS>